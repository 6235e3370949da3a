package dev.eventdriven.pool.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The pool's queue keeps tail and head (each CASed per event) on lines of their own. */
class NodeQueueLayoutTest {

    private static long offset(Class<?> type, String field) throws ReflectiveOperationException {
        Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeType.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Method objectFieldOffset = unsafeType.getMethod("objectFieldOffset", Field.class);
        return (Long) objectFieldOffset.invoke(theUnsafe.get(null), type.getDeclaredField(field));
    }

    @Test
    void tailAndHeadAreTwoLinesFromTheObjectStartAndFromEachOther() throws ReflectiveOperationException {
        long tail = offset(NodeQueueLayout.TailField.class, "tail");
        long head = offset(NodeQueueLayout.HeadField.class, "head");
        assertTrue(tail >= 128, "tail at " + tail);
        assertTrue(head - tail >= 128, "tail at " + tail + ", head at " + head);
        long current = offset(WorkerFeed.class, "current");
        assertTrue(current >= 128, "WorkerFeed.current at " + current);
    }
}
