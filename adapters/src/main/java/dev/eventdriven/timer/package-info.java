/**
 * Timers: periodic ticks and delayed dispatch for controllers, all served by one scheduler thread.
 * <pre>
 *   timer.setTiming(d) --+
 *                        v
 *   +--------------------------------+  deadline   +------------------------------+
 *   | Timer (adapter, one per id)    |-----------&gt;| TimerScheduler               |
 *   |  grid start + k*interval       |&lt;-----------|  one thread, deadline heap   |
 *   |  MissedTickPolicy, suspend/    |   due tick  |  (shared, own, or virtual)   |
 *   |  resume, stops on shutdown     |             +------------------------------+
 *   +--------------------------------+
 *                 | controller.dispatch(TIMING, interval)
 *                 v
 *   [ controller queue ] --&gt; MappingManager: handlers of TIMING --&gt; EventLoop (loop thread)
 * </pre>
 * <ul>
 *   <li>{@link dev.eventdriven.timer.Timer}: the adapter; build with
 *       {@link dev.eventdriven.timer.Timer#builder()} or {@link dev.eventdriven.timer.Timer#every}.</li>
 *   <li>{@link dev.eventdriven.timer.TimerSet}: many timers of one controller in one adapter, one
 *       scheduler entry for all of them (its own deadline heap; entries moved in place per tick); the
 *       ticks of one wake-up reach the controller as one queue entry, at most one wake-up per
 *       {@linkplain dev.eventdriven.timer.TimerSetBuilder#resolution resolution}:
 * <pre>
 *   scheduler thread: heap --ticks due--&gt; TickBatch --dispatchBatch: one queue entry--&gt; [ controller queue ]
 *   loop thread:      for each tick of the batch: BEFORE --&gt; handlers of its id (or OTHER) --&gt; AFTER
 * </pre></li>
 *   <li>{@link dev.eventdriven.timer.MissedTickPolicy}: what a late tick sends.</li>
 *   <li>{@link dev.eventdriven.timer.TimerScheduler}: the clock and deadline queue; also one-shot
 *       {@link dev.eventdriven.timer.TimerScheduler#dispatchLater delayed dispatch}.</li>
 *   <li>{@link dev.eventdriven.timer.VirtualTimeScheduler}: virtual time for tests.</li>
 * </ul>
 * The scheduler thread never runs handlers: it only dispatches, and each controller's loop runs its
 * handlers (a {@code TimerSet}'s ticks too, one event each, through the mapping and hooks). Ten thousand timers cost ten thousand heap entries, not ten thousand threads. Timers
 * and timer sets may be installed into a running controller and removed from it, and a timer's
 * first deadline can be set ({@link dev.eventdriven.timer.TimerBuilder#firstDelay}).
 */
package dev.eventdriven.timer;
