package dev.eventdriven.bench.subprocess;

import dev.eventdriven.Controller;
import dev.eventdriven.subprocess.Subprocess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** This library: a controller with the Subprocess adapter; {@code request("echo", v)} runs in the child. */
final class SubprocessCaller implements ChildCaller {

    private final Controller parent;

    SubprocessCaller() {
        // -Dw5.childJvmOptions="..." (space-separated) passes options to the child, e.g. a flight recording.
        String extra = System.getProperty("w5.childJvmOptions", "").trim();
        List<String> options = new ArrayList<>(CHILD_JVM_OPTIONS);
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        Subprocess child = Subprocess.builder(EchoHandlers.class).name("w5-child").workers(1)
                .jvmOptions(options.toArray(new String[0])).build();
        parent = Controller.builder("w5-parent").adapter(child).build();
        parent.run();
    }

    @Override
    public CompletableFuture<Object> call(Integer value) {
        return parent.request("echo", value, Object.class).toCompletableFuture();
    }

    @Override
    public CompletableFuture<Integer> callBytes(byte[] payload) {
        return parent.request("echo", payload, byte[].class).thenApply(echo -> Bulk.checked(payload, echo))
                .toCompletableFuture();
    }

    @Override
    public void close() {
        parent.shutdown();
        if (!parent.awaitTermination(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the W5 parent controller did not stop");
        }
    }
}
