package dev.eventdriven.subprocess.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child's threads, taking turns as the channel's reader (leader/follower): the thread that holds
 * the channel reads a frame, and when the frame wakes an idle worker controller it runs that worker's
 * turn itself, at once — the event is handled on the thread that read it, with no hand-off to another
 * thread on the way in and none on the way out (the answer is written by the same thread).
 * <pre>
 *   holder:  read frame --&gt; worker idle: run its turn here (handler, answer) --&gt; read frame --&gt; ...
 *   watcher: every millisecond while frames come: is the holder in the same turn as last time?
 *            yes --&gt; free the channel, wake a free thread: it holds the channel from now on
 * </pre>
 * A turn that lasts (a slow or blocking handler) costs the channel at most two watcher periods: then
 * another thread holds it, so liveness pings are still answered and answers to the child's own
 * requests to the parent still arrive, whatever the handlers do. Turns handed in from elsewhere (a
 * worker busy with a backlog yielding, a handler dispatching to the pool) run on free threads.
 *
 * <p>The worker controllers of the child's pool run on this executor (a shared-executor pool, whose
 * turns keep every guarantee of a controller). The crew has one thread more than the pool has
 * workers: at most one turn per worker exists, so some thread is always free to hold the channel.
 * An idle child's watcher sleeps; the first turn after a quiet spell wakes it.
 */
final class ChildCrew implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(ChildCrew.class);

    /** How often the watcher looks at the holder while frames come. */
    static final long WATCH_PERIOD_NANOS = 1_000_000;
    /** Looks at an unchanged, idle channel before the watcher sleeps. */
    static final int QUIET_LOOKS = 50;

    /** Reads and handles the next frame. */
    interface FrameReader {
        /**
         * Reads one frame and handles it; runs on the thread holding the channel.
         *
         * @return {@code false} once the channel has ended (nothing more will be read)
         */
        boolean readOne();

        /**
         * Whether more input is already there, buffered or in the pipe (the holder then reads on and
         * leaves a turn to a free thread: a stream of calls, or of large frames, is read and handled
         * side by side). Thread holding the channel.
         *
         * @return {@code true} if a next frame would be read without waiting
         */
        boolean moreBuffered();
    }

    /** How long a thread that ran out of work polls for more before it waits. */
    static final long IDLE_SPIN_NANOS = 50_000;

    // The channel's state, one long: | sequence (32) | 0 (15) | in turn (1) | holder index + 1 (16) |
    private static final long HOLDER_MASK = 0xFFFFL;
    private static final long IN_TURN = 1L << 16;
    private static final long SEQ_ONE = 1L << 32;

    private final FrameReader reader;
    private final Member[] members;
    private final Thread watcher;
    private final AtomicLong channel = new AtomicLong();
    /** Turns handed in by threads that do not run them now. */
    private final ConcurrentLinkedQueue<Runnable> ready = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private int waiting; // guarded by lock
    /** Threads polling for work before they wait. */
    private final java.util.concurrent.atomic.AtomicInteger spinning = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean ended;
    private volatile boolean closed;
    private volatile boolean watcherAsleep;
    /** Channels freed by the watcher from a turn that lasted (for tests and the log). */
    private final AtomicLong takeovers = new AtomicLong();

    /**
     * Creates the crew; its threads start with {@link #start()}.
     *
     * @param name the child's name (threads: {@code <name>-crew-<n>}, {@code <name>-crew-watcher})
     * @param workers the number of worker controllers whose turns run here
     * @param reader reads and handles one frame
     */
    ChildCrew(String name, int workers, FrameReader reader) {
        this.reader = reader;
        this.members = new Member[workers + 1];
        for (int i = 0; i < members.length; i++) {
            members[i] = new Member(name + "-crew-" + i, i + 1);
        }
        this.watcher = new Thread(this::watch, name + "-crew-watcher");
        watcher.setDaemon(true);
    }

    /** Starts the threads; the first to come holds the channel. */
    void start() {
        watcher.start();
        for (Member m : members) {
            m.start();
        }
    }

    /**
     * Ends the threads once the turns handed in so far have run (after the pool has terminated).
     * Idempotent.
     */
    void close() {
        closed = true;
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(watcher);
    }

    /** @return how many times the watcher took the channel from a turn that lasted */
    long takeovers() {
        return takeovers.get();
    }

    /**
     * Hands a worker's turn in. The holder handling a frame runs it once the frame is handled; a turn
     * handing itself back on a free thread is run by that thread next; anything else is queued for a
     * free thread.
     *
     * @param turn the turn
     */
    @Override
    public void execute(Runnable turn) {
        if (Thread.currentThread() instanceof Member m && m.crew() == this) {
            if (m.handlingFrame && m.next == null) {
                m.next = turn;
                return;
            }
            ready.offer(turn);
            if (turn != m.running || m.inline) { // the holder goes back to the channel: someone else runs it
                wakeOne();
            }
            return;
        }
        ready.offer(turn);
        wakeOne();
    }

    private void wakeOne() {
        if (spinning.get() > 0) {
            return; // a polling thread sees the work (it checks again after it stops polling)
        }
        lock.lock();
        try {
            if (waiting > 0) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The watcher: frees the channel from a holder stuck in one turn for a watch period. */
    private void watch() {
        long last = -1;
        int quiet = 0;
        while (!ended && !closed) {
            long s = channel.get();
            if ((s & IN_TURN) != 0 && s == last) {
                // The same turn as a period ago, and nobody reads: another thread takes the channel.
                if (channel.compareAndSet(s, s & ~(HOLDER_MASK | IN_TURN))) {
                    takeovers.incrementAndGet();
                    wakeOne();
                }
                quiet = 0;
            } else if (s == last) {
                quiet++;
            } else {
                quiet = 0;
            }
            last = s;
            if (quiet >= QUIET_LOOKS) {
                watcherAsleep = true;
                if (channel.get() == s && !ended && !closed) { // a turn starting now sees the flag and wakes us
                    LockSupport.park(this);
                }
                watcherAsleep = false;
                quiet = 0;
            } else {
                LockSupport.parkNanos(this, WATCH_PERIOD_NANOS);
            }
        }
    }

    /** One thread of the crew: holds the channel when it is free, else runs turns, else waits. */
    private final class Member extends Thread {

        private final long index;
        /** The turn a frame handed in on this thread, run once the frame is handled. */
        Runnable next;
        /** The turn running on this thread now. */
        Runnable running;
        /** Whether this thread, holding the channel, is handling a frame now. */
        boolean handlingFrame;
        /** Whether the turn running now was started by the holder (the channel waits for it). */
        boolean inline;

        Member(String name, long index) {
            super(name);
            this.index = index;
            setDaemon(true); // the child's main thread decides when the JVM ends
        }

        ChildCrew crew() {
            return ChildCrew.this;
        }

        @Override
        public void run() {
            for (;;) {
                Runnable mine = next;
                if (mine != null) { // handed in while this thread held the channel, which it has lost since
                    next = null;
                    run(mine, false);
                    continue;
                }
                long s = channel.get();
                if (!ended && (s & HOLDER_MASK) == 0 && channel.compareAndSet(s, s | index)) {
                    passOnRest();
                    hold();
                    continue;
                }
                Runnable turn = ready.poll();
                if (turn != null) {
                    passOnRest();
                    run(turn, false);
                    continue;
                }
                if (closed && ready.isEmpty()) {
                    return;
                }
                awaitWork();
            }
        }

        /**
         * This thread took one piece of work; if more waits (a wake-up was skipped because a thread
         * polled, and it took only one), another thread is woken for it.
         */
        private void passOnRest() {
            if (!ready.isEmpty()) {
                wakeOne();
            }
        }

        /** Reads and handles frames, running the turns they hand in, until the channel is lost or ends. */
        private void hold() {
            for (;;) {
                boolean more;
                handlingFrame = true;
                try {
                    more = reader.readOne();
                } catch (Throwable t) {
                    LOG.error("{}: reading the channel failed", getName(), t);
                    more = false;
                } finally {
                    handlingFrame = false;
                }
                if (!more) {
                    ended = true;
                    channel.getAndUpdate(v -> v & ~HOLDER_MASK);
                    LockSupport.unpark(watcher);
                    Runnable turn = next;
                    next = null;
                    if (turn != null) {
                        run(turn, false);
                    }
                    return;
                }
                Runnable turn = next;
                if (turn != null) {
                    next = null;
                    if (reader.moreBuffered()) {
                        ready.offer(turn); // calls are streaming in: a free thread runs it, this one reads on
                        wakeOne();
                    } else if (!runHolding(turn)) {
                        return;
                    }
                }
            }
        }

        /** Runs a turn while holding the channel; {@code false} if the watcher freed the channel meanwhile. */
        private boolean runHolding(Runnable turn) {
            long reading = channel.get();
            long inTurn = (reading + SEQ_ONE) | IN_TURN;
            channel.set(inTurn); // only the holder changes a held channel, except the watcher's CAS from IN_TURN
            if (watcherAsleep) {
                LockSupport.unpark(watcher);
            }
            run(turn, true);
            return channel.compareAndSet(inTurn, inTurn & ~IN_TURN);
        }

        private void run(Runnable turn, boolean holding) {
            running = turn;
            inline = holding;
            try {
                turn.run();
            } catch (Throwable t) {
                LOG.error("{}: a worker's turn failed", getName(), t);
            } finally {
                running = null;
                inline = false;
            }
        }

        private boolean hasWork() {
            return !ready.isEmpty() || closed || !ended && (channel.get() & HOLDER_MASK) == 0;
        }

        private void awaitWork() {
            spinning.incrementAndGet();
            try {
                long end = System.nanoTime() + IDLE_SPIN_NANOS;
                while (!hasWork()) {
                    if (System.nanoTime() - end > 0) {
                        break;
                    }
                    Thread.onSpinWait();
                }
            } finally {
                spinning.decrementAndGet();
            }
            lock.lock();
            try {
                while (!hasWork()) {
                    waiting++;
                    try {
                        work.await();
                    } catch (InterruptedException aimedAtATurn) {
                        // a forced stop interrupts a handler; one that arrives late must not end the thread
                    } finally {
                        waiting--;
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
