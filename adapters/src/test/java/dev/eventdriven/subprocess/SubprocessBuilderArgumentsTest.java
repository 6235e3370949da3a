package dev.eventdriven.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventdriven.subprocess.testkit.ChildHandlers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The subprocess builder refuses bad arguments by the library's one rule: IAE naming the value. */
class SubprocessBuilderArgumentsTest {

    @Test
    void everyNullArgumentIsRefusedNamingIt() {
        SubprocessBuilder b = Subprocess.builder(ChildHandlers.class);
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("blueprintClass", () -> Subprocess.builder(null));
        calls.put("name", () -> b.name(null));
        calls.put("options", () -> b.jvmOptions((String[]) null));
        calls.put("option", () -> b.jvmOptions("-Xmx64m", null));
        calls.put("key", () -> b.environment(null, "v"));
        calls.put("workingDirectory", () -> b.workingDirectory(null));
        calls.put("classPath", () -> b.classPath(null));
        calls.put("javaBinary", () -> b.javaBinary(null));
        calls.put("shutdownTimeout", () -> b.shutdownTimeout(null));
        calls.put("callTimeout", () -> b.callTimeout(null));
        calls.put("restartPolicy", () -> b.restartPolicy(null));
        calls.put("threadFactory", () -> b.threadFactory(null));
        calls.forEach((name, call) -> assertEquals(true, assertThrows(IllegalArgumentException.class, call::run)
                .getMessage().startsWith(name + ": null ("), name));
    }
}
