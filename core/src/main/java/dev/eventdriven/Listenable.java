package dev.eventdriven;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Something whose events can be listened to (the original's {@code listen}): a controller, a pool, a
 * child process. Each event it takes whose id is allowed is forwarded, after it was taken and
 * before its handlers run, to the listener as a {@link ForwardingPacket} under the same event id.
 *
 * <p><b>Cycles are cut.</b> A packet records the route of the event (the names of the sources it
 * passed through, {@link ForwardingPacket#route()}); an event is never forwarded to a listener whose
 * name is on its route, so A ⇄ B or A → B → C → A listenings handle one dispatch once on each side.
 * Give controllers that listen to each other distinct names.
 *
 * <p>Every method may be called from any thread.
 */
public interface Listenable {

    /**
     * The source's name, carried by the packets it forwards as {@link ForwardingPacket#source()}.
     *
     * @return the name
     */
    String name();

    /**
     * Forwards every event this source takes whose id is in {@code allow} to {@code target}.
     * Usually called through {@link EventProcessor#listen}.
     *
     * @param target the listener, not this source
     * @param allow the event ids to forward, not empty
     * @param name the listening's name, carried by the packets
     * @return the listening, to close it
     * @throws IllegalArgumentException if {@code target} already listens to this source, is this
     *     source, or an argument is {@code null} or empty
     */
    Listening listenedBy(Dispatcher target, Collection<?> allow, String name);

    /**
     * Forwards every event this source takes whose id is in {@code allow} to a plain queue. A full
     * queue drops the packet and logs a warning.
     *
     * @param queue the queue
     * @param allow the event ids to forward, not empty
     * @param name the listening's name, carried by the packets
     * @return the listening, to close it
     * @throws IllegalArgumentException if the queue already listens, or an argument is {@code null}
     *     or empty
     */
    Listening listenedBy(BlockingQueue<? super ForwardingPacket> queue, Collection<?> allow, String name);

    /**
     * Stops forwarding to {@code target}.
     *
     * @param target a listener registered with {@link #listenedBy(Dispatcher, Collection, String)}
     * @return {@code true} if a listening was removed
     */
    boolean unlistenedBy(Dispatcher target);

    /**
     * The listenings registered on this source now, in registration order: a read-only snapshot, for
     * pictures such as {@link dev.eventdriven.topology.Topology}.
     *
     * @return the listenings; empty if none, or if the implementation does not say
     */
    default List<Listening> listenings() {
        return List.of();
    }
}
