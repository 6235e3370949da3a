package dev.eventdriven.subprocess;

import dev.eventdriven.SystemEvent;
import dev.eventdriven.internal.SplicedReturns;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The answers of calls to a child, completed by the channel's reader: acting in {@code complete}
 * saves a dependent stage per call.
 */
final class ChildAnswers {

    private ChildAnswers() {
    }

    /** Hears of a call's failure (a remote handler's is dispatched as ERROR in the parent). */
    @FunctionalInterface
    interface FailureReport {
        void failed(Throwable error, Object eventId, Object value);
    }

    /**
     * The forwarding handler's return: completed by the channel's reader with the child handlers'
     * returns (spliced into the parent's), or failed; a remote handler failure is also dispatched as
     * ERROR. Acting in {@code complete} saves a dependent stage per call.
     */
    static final class Forwarded extends CompletableFuture<Object> {
        private final Object eventId;
        private final Object value;

        private final FailureReport report;

        Forwarded(Object eventId, Object value, FailureReport report) {
            this.eventId = eventId;
            this.value = value;
            this.report = report;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean complete(Object childReturns) {
            return super.complete(childReturns instanceof List<?> l ? new SplicedReturns((List<Object>) l)
                    : childReturns);
        }

        @Override
        public boolean completeExceptionally(Throwable error) {
            report.failed(error, eventId, value); // never throws: the answer fails whatever happens
            return super.completeExceptionally(error);
        }
    }

    /**
     * The answer to an event or task that went straight to the child: completes the caller's result
     * (if any) with the child's returns, and reports a remote failure as ERROR.
     */
    static final class Direct extends CompletableFuture<Object> {
        private final CompletableFuture<List<Object>> result;
        private final Object eventId;
        private final Object value;

        private final FailureReport report;

        Direct(CompletableFuture<List<Object>> result, Object eventId, Object value, FailureReport report) {
            this.result = result;
            this.eventId = eventId;
            this.value = value;
            this.report = report;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean complete(Object answer) {
            if (result != null) {
                // an event's answer is the list of the child handlers' returns, a task's its result
                result.complete(eventId == SystemEvent.SUBMIT ? Collections.singletonList(answer)
                        : (List<Object>) answer);
            }
            return super.complete(answer);
        }

        @Override
        public boolean completeExceptionally(Throwable error) {
            report.failed(error, eventId, value);
            if (result != null) {
                result.completeExceptionally(error);
            }
            return super.completeExceptionally(error);
        }
    }
}
