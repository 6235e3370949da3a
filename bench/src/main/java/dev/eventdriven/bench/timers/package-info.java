/**
 * W6 plumbing: the tick sources under test and the recorder that measures what they deliver.
 *
 * <pre>
 *   TickSource (a @Param): library Timer / TimerSet on controllers (own threads or a shared group),
 *                          ScheduledThreadPoolExecutor(1), Netty HashedWheelTimer
 *        | tick of timer j, slot k, due at first(j) + k * interval
 *        v
 *   TickRecorder.tick(j, now): lateness = now - due, per-thread histograms, per-timer counts
 * </pre>
 */
package dev.eventdriven.bench.timers;
