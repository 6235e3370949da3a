/**
 * The Subprocess adapter: a controller's events and tasks handled by worker controllers in a child
 * JVM, for isolation (a crash, a leak, native code, another heap).
 *
 * <pre>
 *   parent JVM                                    child JVM (same java, same class path)
 *   dispatch/request/submit (caller's thread)
 *     | encoded once, here; window of calls in flight
 *     +-- straight, when nothing in the parent must see it first --+
 *     |                                                           v
 *   +--------------------+   frames on stdin     +----------------------------------------------+
 *   | parent controller  | --------------------&gt; | child crew (workers + 1 threads): the thread |
 *   |  OTHER / SUBMIT    |   EVENT, TASK, CALL   | holding the channel reads a frame and runs   |
 *   |  handlers send the |   PING (liveness)     | the idle worker's turn itself (handler and   |
 *   |  encoded frame     | &lt;-------------------- | answer); a turn that lasts &gt; 1-2 ms loses the |
 *   |     Pending  &lt;-----|   RESULT / FAILURE    | channel to a free thread. Worker pool: one   |
 *   |                    |                       | blueprint per worker; remote objects: bridge |
 *   |  ERROR on failure  |   DISPATCH / REQUEST (child -&gt; parent events, SubprocessChild.parent())
 *   +--------------------+   PONG; child stderr --&gt; one slf4j event per child log event + bounded tail
 *   the child process is watched: its exit fails every call in flight within a second
 * </pre>
 *
 * <p><b>Values that cross.</b> {@code null}, booleans, {@code byte short int long float double},
 * {@code BigInteger}, {@code BigDecimal}, chars, strings, {@code byte[]}, {@code Duration} and
 * {@code Instant} (so timer events can cross), enums (sent as class name and
 * constant name, resolved in the receiver), lists, sets and maps of these (rebuilt as
 * {@code ArrayList}, {@code LinkedHashSet}, {@code LinkedHashMap}), records of these (class name and
 * components, rebuilt through the canonical constructor) and exceptions (as data: class name,
 * message, stack trace, cause; they arrive as {@link dev.eventdriven.RemoteHandlerException}).
 * Map keys and set elements are limited to the scalars {@code HashMap} can order (not
 * {@code BigDecimal}, {@code byte[]}, containers, records or exceptions), of one class in a map or
 * set of more than 1,024 entries; a value may take at most 8 bytes of the receiver's heap per byte
 * of its frame plus 1 MiB, by an estimate both sides make alike (a {@code Set<Integer>} of more than
 * about 43,000 elements is over it). No Java serialization. Anything else is refused at the call
 * site. Each message is one length-prefixed frame no larger than
 * {@link dev.eventdriven.subprocess.SubprocessBuilder#maxFrameBytes};
 * a bad frame is a {@link dev.eventdriven.subprocess.ChannelProtocolException} and ends that child.
 *
 * <p><b>Tasks that cross.</b> A record (sent with its components) or a public named class with a
 * public no-arg constructor (re-created in the child; its fields are not sent, its arguments are),
 * implementing {@link dev.eventdriven.Task}, {@code Callable} or {@code Runnable}. Lambdas are refused.
 *
 * <p><b>The blueprint class</b> maps the child's workers: public, public no-arg constructor, and
 * either {@code Supplier<MappingBlueprint>} or public {@code @On}/{@code @Before}/{@code @After}/
 * {@code @Other} methods. Checked in the parent before the child starts; one instance per worker.
 *
 * <p><b>The child's stdout</b> is the channel: before any user code, the child points
 * {@code System.out} at its stderr, which the parent logs under
 * {@code dev.eventdriven.subprocess.child.<name>}. The child exits when its stdin ends or its parent
 * process is gone, within 2 s whatever its handlers do, so it never outlives its parent for long.
 *
 * <p><b>Limits.</b> Frame size, the window of calls in flight, the start timeout and the liveness
 * check are set on {@link dev.eventdriven.subprocess.SubprocessBuilder}, which says what happens at
 * each.
 */
package dev.eventdriven.subprocess;
