package dev.eventdriven.internal;

import dev.eventdriven.Pending;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Completes a {@link Pending} from the handlers' returns. A return that is a {@link CompletionStage}
 * stands for a result that arrives later (a child process, another controller): the Pending then
 * completes when every such stage has, with their values in place of the stages, or exceptionally
 * with the first failure. A stage whose value is {@link SplicedReturns} contributes its values in its
 * place.
 */
final class AsyncReturns {

    private AsyncReturns() {
    }

    static void complete(GuardedFuture.Completion pending, List<Object> returns) {
        if (returns.size() == 1 && returns.get(0) instanceof CompletionStage<?> only) {
            // The common asynchronous case (one handler, e.g. a forward to a child): no allOf.
            only.whenComplete((v, error) -> {
                if (error != null) {
                    fail(pending, error);
                } else {
                    pending.complete(resolved(v));
                }
            });
            return;
        }
        List<CompletableFuture<?>> stages = null;
        for (Object r : returns) {
            if (r instanceof CompletionStage<?> st) {
                if (stages == null) {
                    stages = new ArrayList<>();
                }
                stages.add(st.toCompletableFuture());
            }
        }
        if (stages == null) {
            pending.complete(Collections.unmodifiableList(returns));
            return;
        }
        CompletableFuture.allOf(stages.toArray(new CompletableFuture<?>[0])).whenComplete((ignored, error) -> {
            if (error != null) {
                fail(pending, error);
                return;
            }
            List<Object> resolved = new ArrayList<>(returns.size());
            for (Object r : returns) {
                Object v = r instanceof CompletionStage<?> st ? st.toCompletableFuture().join() : r;
                if (v instanceof SplicedReturns spliced) {
                    resolved.addAll(spliced.values());
                } else {
                    resolved.add(v);
                }
            }
            pending.complete(Collections.unmodifiableList(resolved));
        });
    }

    private static void fail(GuardedFuture.Completion pending, Throwable error) {
        pending.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error);
    }

    private static List<Object> resolved(Object v) {
        return v instanceof SplicedReturns spliced ? Collections.unmodifiableList(spliced.values())
                : Collections.singletonList(v);
    }
}
