package dev.eventdriven.subprocess.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The interface of the remote-instance tests. */
public interface Counter {
    /**
     * Adds and returns the total.
     *
     * @param delta what to add
     * @return the total
     */
    long add(int delta);

    /**
     * The total, later.
     *
     * @return the total
     */
    CompletionStage<Long> totalLater();

    /**
     * Throws.
     *
     * @param message the message
     */
    void explode(String message);

    /**
     * The process the instance lives in.
     *
     * @return the pid
     */
    long pid();

    /** The implementation, created in the child. */
    final class Impl implements Counter {
        private long total;

        /**
         * Starts at a value.
         *
         * @param start the start
         */
        public Impl(Integer start) {
            total = start;
        }

        @Override
        public long add(int delta) {
            total += delta;
            return total;
        }

        @Override
        public CompletionStage<Long> totalLater() {
            return CompletableFuture.supplyAsync(() -> total);
        }

        @Override
        public void explode(String message) {
            throw new UnsupportedOperationException(message);
        }

        @Override
        public long pid() {
            return ProcessHandle.current().pid();
        }
    }
}
