/**
 * Child-process benchmark support (W5): the raw framed echo child that sets the floor the Subprocess
 * adapter is measured against.
 *
 * <pre>
 *   parent JVM --stdin frames--&gt; RawEchoChild --stdout frames--&gt; parent JVM
 * </pre>
 */
package dev.eventdriven.bench.subprocess;
