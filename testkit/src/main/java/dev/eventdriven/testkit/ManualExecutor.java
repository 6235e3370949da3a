package dev.eventdriven.testkit;

import dev.eventdriven.internal.DrivenExecutor;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The kit's executor: turns handed in from any thread wait in FIFO order until the driving thread
 * runs them, one at a time.
 */
final class ManualExecutor extends DrivenExecutor {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    /** The turn running now, or {@code null}; the kit times it on the virtual clock. */
    private Runnable running;
    private final TestKit kit;

    ManualExecutor(TestKit kit) {
        this.kit = kit;
    }

    void bind() {
        bindToCurrentThread();
    }

    void unbind() {
        unbindFromCurrentThread();
    }

    @Override
    public void execute(Runnable turn) {
        synchronized (queue) {
            queue.addLast(turn);
        }
    }

    void runTurnHere(Runnable turn) {
        runTurn(turn);
    }

    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    @Override
    public boolean runNext() {
        Runnable turn;
        synchronized (queue) {
            turn = queue.pollFirst();
        }
        if (turn == null) {
            return false;
        }
        Runnable outer = running;
        running = turn;
        try {
            kit.runTimed(turn);
        } finally {
            running = outer;
        }
        return true;
    }
}
