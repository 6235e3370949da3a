/**
 * JDK Flight Recorder events of the library. No dependency: {@code jdk.jfr} is part of the JDK, and
 * with no recording running an emission point costs one read of a flag.
 *
 * <pre>
 *   dispatch --stamp (only while observed)--&gt; queue --&gt; loop: handlers --&gt; EventHandled (duration = handler time,
 *      |                                                    |                  queueWait, over a threshold)
 *      +--&gt; Overflow (rejected / dropped)                  +--&gt; HandlerFailed
 *   blocked-loop detector --&gt; BlockedLoop         child process --&gt; ChildProcessStarted / ChildProcessExited
 *   a bridge (child process channel, NATS, ...) --&gt; BridgeDecodeFailed
 * </pre>
 *
 * <table>
 *   <caption>The events (category "EventDriven")</caption>
 *   <tr><th>name</th><th>class</th><th>enabled by default</th></tr>
 *   <tr><td>{@code dev.eventdriven.EventHandled}</td><td>{@link dev.eventdriven.jfr.EventHandledEvent}</td>
 *       <td>yes, threshold 10 ms (only slow events are recorded unless the threshold is lowered)</td></tr>
 *   <tr><td>{@code dev.eventdriven.HandlerFailed}</td><td>{@link dev.eventdriven.jfr.HandlerFailedEvent}</td>
 *       <td>yes</td></tr>
 *   <tr><td>{@code dev.eventdriven.Overflow}</td><td>{@link dev.eventdriven.jfr.OverflowEvent}</td>
 *       <td>yes, with the dispatcher's stack trace</td></tr>
 *   <tr><td>{@code dev.eventdriven.BlockedLoop}</td><td>{@link dev.eventdriven.jfr.BlockedLoopEvent}</td>
 *       <td>yes</td></tr>
 *   <tr><td>{@code dev.eventdriven.ChildProcessStarted}</td>
 *       <td>{@link dev.eventdriven.jfr.ChildProcessStartedEvent}</td><td>yes</td></tr>
 *   <tr><td>{@code dev.eventdriven.ChildProcessExited}</td>
 *       <td>{@link dev.eventdriven.jfr.ChildProcessExitedEvent}</td><td>yes</td></tr>
 *   <tr><td>{@code dev.eventdriven.BridgeDecodeFailed}</td>
 *       <td>{@link dev.eventdriven.jfr.BridgeDecodeFailedEvent}</td><td>yes</td></tr>
 * </table>
 *
 * <p>To see every handled event, lower the threshold, e.g. in code
 * {@code recording.enable("dev.eventdriven.EventHandled").withThreshold(Duration.ZERO)}, or in a
 * {@code .jfc} settings file. The static {@code emit} methods are what the library's modules call;
 * they are public so that a bridge in another module (or your own) reports the same events.
 */
package dev.eventdriven.jfr;
