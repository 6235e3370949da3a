package dev.eventdriven.subprocess.internal;

import dev.eventdriven.Dispatcher;

/** Lets the API package reach the child runtime's link to the parent. */
public final class ChildAccess {
    private ChildAccess() {
    }

    /**
     * The parent link of this process, if it is a child.
     *
     * @return the link, or {@code null} outside a child
     */
    public static Dispatcher parent() {
        return ChildRuntime.parent();
    }
}
