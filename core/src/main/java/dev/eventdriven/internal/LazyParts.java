package dev.eventdriven.internal;

import java.lang.invoke.VarHandle;

/**
 * Publication of a part made when first needed: two threads that race to make it agree on the one
 * whose compare-and-exchange won, and the loser's is dropped. Only the slow path (the field was
 * still {@code null}) comes here; readers load the field themselves.
 */
final class LazyParts {

    private LazyParts() {
    }

    /**
     * Publishes {@code made} in an empty field, or returns what another thread published first.
     *
     * @param field the field's handle (a reference field of {@code owner}'s class)
     * @param owner the object holding the field
     * @param made the part just made
     * @param <T> the part's type
     * @return the part in the field now
     */
    @SuppressWarnings("unchecked") // the field holds T: it is written only here
    static <T> T publish(VarHandle field, Object owner, T made) {
        Object won = field.compareAndExchange(owner, null, made);
        return won == null ? made : (T) won;
    }
}
