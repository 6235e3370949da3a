package dev.eventdriven.internal;

import java.util.List;

/**
 * The value of a handler's {@link java.util.concurrent.CompletionStage} that stands for several
 * returns: a forwarding handler (a child process, a remote pool) answers with the returns of the
 * handlers that ran there, and they take the forwarding handler's place in the Pending's list, in
 * order, instead of nesting as one list element.
 *
 * @param values the returns, in order (may hold nulls)
 */
public record SplicedReturns(List<Object> values) {
}
