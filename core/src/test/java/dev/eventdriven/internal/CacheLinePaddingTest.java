package dev.eventdriven.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The padded classes really keep their hot fields two cache lines away from the object's start and
 * from each other: the JVM chooses the layout, and once put a subclass's reference into the 4-byte
 * gap after the header, in front of all the padding.
 */
class CacheLinePaddingTest {

    /** Field offsets as the running JVM lays them out (sun.misc.Unsafe, looked up reflectively). */
    static long offset(Class<?> type, String field) throws ReflectiveOperationException {
        Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeType.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Method objectFieldOffset = unsafeType.getMethod("objectFieldOffset", Field.class);
        return (Long) objectFieldOffset.invoke(theUnsafe.get(null), type.getDeclaredField(field));
    }

    /** Asserts that every non-padding field declared by {@code type} starts at least 128 bytes in. */
    static void ownFieldsArePadded(Class<?> type) throws ReflectiveOperationException {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().matches("p\\d+")) {
                continue;
            }
            long at = offset(type, f.getName());
            assertTrue(at >= 128, type.getSimpleName() + "." + f.getName() + " at offset " + at);
        }
    }

    @Test
    void theControllerQueuesProducerAndConsumerFieldsHaveLinesOfTheirOwn() throws ReflectiveOperationException {
        long tail = offset(QueueLayout.TailField.class, "tail");
        long head = offset(QueueLayout.ConsumerFields.class, "head");
        long consumed = offset(QueueLayout.ConsumerFields.class, "consumedSeq");
        assertTrue(tail >= 128, "tail at " + tail);
        assertTrue(Math.min(head, consumed) - tail >= 128, "tail at " + tail + ", consumer fields at " + head
                + "/" + consumed);
    }

    @Test
    void theLoopsStateWrittenEveryEventStartsBehindThePadding() throws ReflectiveOperationException {
        ownFieldsArePadded(EventLoop.class);
        ownFieldsArePadded(LoopSession.class);
        ownFieldsArePadded(LoopController.class);
        ownFieldsArePadded(LoopParts.class);
    }

    @Test
    void theQueueOfAControllerOnASharedGroupIsNotPadded() throws ReflectiveOperationException {
        for (String f : new String[] {"tail", "head", "consumedSeq", "takenSeq"}) {
            long at = offset(QueueLayout.Compact.class, f);
            assertTrue(at < 32, "Compact." + f + " at offset " + at);
        }
    }
}
