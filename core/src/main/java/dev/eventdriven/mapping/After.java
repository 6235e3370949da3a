package dev.eventdriven.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a {@code AFTER} hook: it runs after the handlers of every event and can read {@link dev.eventdriven.Session#returns()}. Parameters bind as
 * for {@link On}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface After {
    /**
     * Order among the hooks registered from the same object: lower first.
     *
     * @return the order
     */
    int order() default 0;
}
