package dev.eventdriven.subprocess;

import dev.eventdriven.internal.Checks;
import java.time.Duration;

/**
 * What the {@link Subprocess} adapter does when its child dies unexpectedly: nothing (the parent
 * controller shuts down), or start a new child after a backoff, up to a number of times. Immutable.
 */
public final class RestartPolicy {

    private static final RestartPolicy NEVER = new RestartPolicy(0, Duration.ZERO);

    private final int maxRestarts;
    private final Duration backoff;

    private RestartPolicy(int maxRestarts, Duration backoff) {
        this.maxRestarts = maxRestarts;
        this.backoff = backoff;
    }

    /**
     * Never restart: a child death shuts the parent controller down (after ERROR). The default.
     *
     * @return the policy
     */
    public static RestartPolicy never() {
        return NEVER;
    }

    /**
     * Restart up to {@code maxRestarts} times in the adapter's life, waiting {@code backoff} before each
     * start. Once they are used up, the next death shuts the parent controller down.
     *
     * @param maxRestarts how many restarts, &gt; 0
     * @param backoff the wait before each restart, &gt;= 0
     * @return the policy
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static RestartPolicy limited(int maxRestarts, Duration backoff) {
        Checks.positive("maxRestarts", maxRestarts);
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException(Checks.message("backoff", backoff, "a duration >= 0"));
        }
        return new RestartPolicy(maxRestarts, backoff);
    }

    /**
     * How many restarts are allowed.
     *
     * @return the count, 0 for {@link #never()}
     */
    public int maxRestarts() {
        return maxRestarts;
    }

    /**
     * The wait before each restart.
     *
     * @return the backoff
     */
    public Duration backoff() {
        return backoff;
    }

    @Override
    public String toString() {
        return maxRestarts == 0 ? "RestartPolicy.never()" : "RestartPolicy.limited(" + maxRestarts + ", " + backoff + ")";
    }
}
