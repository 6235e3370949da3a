package dev.eventdriven.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a {@code OTHER} hook: it handles events that have no handler; {@link dev.eventdriven.Session#originEventId()} names the original id. Parameters bind as
 * for {@link On}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Other {
    /**
     * Order among the hooks registered from the same object: lower first.
     *
     * @return the order
     */
    int order() default 0;
}
