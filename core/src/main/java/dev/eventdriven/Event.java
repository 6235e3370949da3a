package dev.eventdriven;

import java.util.List;
import java.util.Map;

/**
 * An event as data: what {@link Controller#clean()} and {@link Controller#shutdownNow()} hand back.
 *
 * @param id the event id
 * @param value the event value, or {@code null}
 * @param context the event context (never {@code null}, may be empty)
 * @param args the extra arguments (never {@code null}, may be empty)
 */
public record Event(Object id, Object value, Map<String, Object> context, List<Object> args) {
}
