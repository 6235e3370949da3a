package dev.eventdriven.subprocess.testkit;

import dev.eventdriven.Session;
import dev.eventdriven.mapping.On;
import dev.eventdriven.subprocess.SubprocessChild;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The mapping of the test children's workers: one instance per worker. */
public class ChildHandlers {

    /** Holds memory in the out-of-memory test. */
    private final List<long[]> hoard = new ArrayList<>();

    /**
     * Squares an int.
     *
     * @param s the session
     * @return the square
     */
    @On("square")
    public Object square(Session s) {
        int v = (Integer) s.value();
        return v * v;
    }

    /**
     * Echoes value, a context entry and the args.
     *
     * @param s the session
     * @return them
     */
    @On("echo")
    public Object echo(Session s) {
        return List.of(String.valueOf(s.value()), String.valueOf(s.get("who")), s.args());
    }

    /**
     * Throws.
     *
     * @param s the session
     * @return never
     */
    @On("fail")
    public Object fail(Session s) {
        throw new IllegalStateException("boom: " + s.value());
    }

    /**
     * Fails after a while.
     *
     * @param s the session; the value is the delay in milliseconds
     * @return never
     * @throws InterruptedException if interrupted while waiting
     */
    @On("failLater")
    public Object failLater(Session s) throws InterruptedException {
        new CountDownLatch(1).await(((Integer) s.value()).longValue(), TimeUnit.MILLISECONDS);
        throw new IllegalStateException("late boom: " + s.value());
    }

    /**
     * Prints to System.out, which must not corrupt the channel.
     *
     * @param s the session
     * @return "printed"
     */
    @On("print")
    public Object print(Session s) {
        System.out.println("hello from the child " + s.value());
        System.out.print(new String(new byte[] {0, 0, 0, 5, 1, 2}, java.nio.charset.StandardCharsets.ISO_8859_1));
        System.out.flush();
        return "printed";
    }

    /**
     * Waits the value in milliseconds, like slow work.
     *
     * @param s the session
     * @return "slept"
     * @throws InterruptedException if interrupted
     */
    @On("work")
    public Object work(Session s) throws InterruptedException {
        new CountDownLatch(1).await(((Integer) s.value()).longValue(), TimeUnit.MILLISECONDS);
        return "worked";
    }

    /**
     * Exits the child JVM with the value as status.
     *
     * @param s the session
     * @return never
     */
    @On("exit")
    public Object exit(Session s) {
        System.err.println("exiting on purpose with " + s.value());
        System.exit((Integer) s.value());
        return null;
    }

    /**
     * Allocates until the heap is gone.
     *
     * @param s the session
     * @return never
     */
    @On("oom")
    public Object oom(Session s) {
        for (;;) {
            hoard.add(new long[1 << 20]);
        }
    }

    /**
     * The child's pid.
     *
     * @param s the session
     * @return the pid
     */
    @On("pid")
    public Object pid(Session s) {
        return ProcessHandle.current().pid();
    }

    /**
     * Dispatches the value to the parent as "fromChild".
     *
     * @param s the session
     * @return "sent"
     */
    @On("tellParent")
    public Object tellParent(Session s) {
        SubprocessChild.parent().dispatch("fromChild", s.value());
        return "sent";
    }

    /**
     * Asks the parent's "double" handler and returns its answer.
     *
     * @param s the session
     * @return the parent's first return
     */
    @On("askParent")
    public Object askParent(Session s) {
        return SubprocessChild.parent().request("double", s.value()).first(Object.class).await(Duration.ofSeconds(10));
    }

    /**
     * Returns something that cannot be sent back.
     *
     * @param s the session
     * @return an unencodable object
     */
    @On("unencodable")
    public Object unencodable(Session s) {
        return new Object();
    }

    /**
     * Writes garbage straight to file descriptor 1, around {@code System.out}: the channel.
     *
     * @param s the session
     * @return "written"
     * @throws java.io.IOException never, in practice
     */
    @On("corrupt")
    public Object corrupt(Session s) throws java.io.IOException {
        java.io.FileOutputStream fd1 = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        fd1.write("this is not a frame".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        fd1.flush();
        return "written";
    }

    /**
     * Names the handler instance and the worker running it (its index in the child's pool: a worker's
     * turns run on any of the child's threads), after a short wait so that several workers get work.
     *
     * @param s the session
     * @return [instance hash, worker index]
     * @throws InterruptedException if interrupted
     */
    @On("whoHandles")
    public Object whoHandles(Session s) throws InterruptedException {
        new CountDownLatch(1).await(5, TimeUnit.MILLISECONDS);
        return List.of(System.identityHashCode(this), s.getStatic(dev.eventdriven.pool.ControllerPool.STATIC_WORKER_INDEX));
    }

    /**
     * A timer tick forwarded from the parent: reports the interval back to the parent.
     *
     * @param s the session
     * @return the interval
     */
    @On("tick")
    public Object tick(Session s) {
        SubprocessChild.parent().dispatch("ticked", s.value());
        return s.value();
    }

    /**
     * Whether the handler runs in a child.
     *
     * @param s the session
     * @return {@link SubprocessChild#isChild()}
     */
    @On("isChild")
    public Object isChild(Session s) {
        return SubprocessChild.isChild();
    }

    /**
     * Never returns and cannot be interrupted: a CPU loop that swallows interrupts.
     *
     * @param s the session
     * @return never
     */
    @On("spin")
    public Object spin(Session s) {
        long n = 0;
        for (;;) {
            Thread.interrupted();
            n += System.nanoTime() & 1;
            if (n == Long.MIN_VALUE) {
                return n; // never: keeps the loop from being optimised away
            }
        }
    }

    /**
     * Starts a grandchild that inherits the child's stdio (so holds its stdout open), tells the parent
     * its pid as "grandchild", then waits the value in milliseconds.
     *
     * @param s the session
     * @return "spawned"
     * @throws Exception if the grandchild cannot start
     */
    @On("spawnSleeper")
    public Object spawnSleeper(Session s) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "12").inheritIO().start();
        SubprocessChild.parent().dispatch("grandchild", sleeper.pid());
        new CountDownLatch(1).await(((Integer) s.value()).longValue(), TimeUnit.MILLISECONDS);
        return "spawned";
    }

    /**
     * Holds the value (a byte array) for 200 ms, like work on a large input, and returns its length.
     *
     * @param s the session
     * @return the length
     * @throws InterruptedException if interrupted
     */
    @On("hold")
    public Object hold(Session s) throws InterruptedException {
        byte[] data = (byte[]) s.value();
        new CountDownLatch(1).await(200, TimeUnit.MILLISECONDS);
        return data.length;
    }

    /**
     * Writes a hand-made hostile frame straight to the channel: an answer holding a map of 100,000
     * list keys that all share one hash code (a list [a, -31a] hashes to 31 * (31 + a) - 31 * a... the
     * same for every a).
     *
     * @param s the session
     * @return "written"
     * @throws java.io.IOException never, in practice
     */
    @On("hostile")
    public Object hostile(Session s) throws java.io.IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(body);
        out.writeByte(14); // LIST [RESULT, id, map]
        out.writeInt(3);
        out.writeByte(5);
        out.writeInt(8); // RESULT
        out.writeByte(6);
        out.writeLong(1L << 40); // an id nobody waits for
        out.writeByte(16); // MAP of 100,000 entries
        int n = 100_000;
        out.writeInt(n);
        for (int a = 0; a < n; a++) {
            out.writeByte(14);
            out.writeInt(2);
            out.writeByte(5);
            out.writeInt(a);
            out.writeByte(5);
            out.writeInt(-31 * a);
            out.writeByte(0); // null value
        }
        out.flush();
        java.io.DataOutputStream fd1 = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out)));
        fd1.writeInt(body.size());
        body.writeTo(fd1);
        fd1.flush();
        return "written";
    }

    /**
     * Prints the value in megabytes of text without a newline to stderr, then a line saying it is
     * done, then exits with status 9.
     *
     * @param s the session
     * @return never
     */
    @On("flood")
    public Object flood(Session s) {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < (Integer) s.value(); i++) {
            System.err.write(chunk, 0, chunk.length);
        }
        System.err.println();
        System.err.println("after the flood");
        System.err.flush();
        System.exit(9);
        return null;
    }

    /**
     * Logs the value at WARN through slf4j, with an exception (a multi-line stack trace).
     *
     * @param s the session
     * @return "logged"
     */
    @On("logWarn")
    public Object logWarn(Session s) {
        org.slf4j.LoggerFactory.getLogger("child.handlers").warn("warned: {}", s.value(),
                new IllegalStateException("the cause"));
        return "logged";
    }
}
