package dev.eventdriven.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.RemoteHandlerException;
import dev.eventdriven.SystemEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    /** A record that crosses the boundary. */
    public record Point(int x, long y, String label, List<Object> tags) {
    }

    /** A record that refuses some components. */
    public record Positive(int value) {
        public Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be > 0");
            }
        }
    }

    private final ValueCodec codec = new ValueCodec(null);

    private Object roundTrip(Object v) {
        return codec.decode(codec.encode(v));
    }

    @Test
    void everyValueOfTheSafeSetSurvivesARoundTrip() {
        List<Object> values = Arrays.asList(null, true, false, (byte) -3, (short) 300, 42, -7L, 1.5f, 2.25,
                new BigInteger("123456789012345678901234567890"), new BigDecimal("-12.3400"),
                java.time.Duration.ofMillis(1500),
                java.time.Instant.ofEpochSecond(1_700_000_000L, 42), 'x', "héllo ✓", "",
                SystemEvent.ERROR, List.of(1, "two"), new LinkedHashSet<>(List.of("a", "b")),
                new LinkedHashMap<>(Map.of("k", 1)), new Point(1, 2L, "p", List.of("t")));
        for (Object v : values) {
            assertEquals(v, roundTrip(v), "round trip of " + v);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) roundTrip(new byte[] {1, 2, 3}));
    }

    @Test
    void collectionsKeepTheirKindOrderAndNulls() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", null);
        map.put(null, List.of(Set.of(1)));
        map.put(3, "three");
        Object back = roundTrip(map);
        assertInstanceOf(LinkedHashMap.class, back);
        assertEquals(new ArrayList<>(map.keySet()), new ArrayList<>(((Map<?, ?>) back).keySet()));
        assertEquals(map, back);
        assertInstanceOf(Set.class, roundTrip(Set.of("only")));
    }

    @Test
    void anExceptionTravelsAsDataWithItsCause() {
        IllegalStateException original = new IllegalStateException("outer", new ArithmeticException("inner"));
        RemoteHandlerException back = (RemoteHandlerException) roundTrip(original);
        assertEquals(IllegalStateException.class.getName(), back.remoteClassName());
        assertEquals("outer", back.remoteMessage());
        assertEquals(original.getStackTrace().length, back.getStackTrace().length);
        assertEquals(original.getStackTrace()[0].toString(), back.getStackTrace()[0].toString());
        assertEquals(ArithmeticException.class.getName(), back.getCause().remoteClassName());
        assertNull(back.getCause().getCause());
        RemoteHandlerException again = (RemoteHandlerException) roundTrip(back);
        assertEquals(IllegalStateException.class.getName(), again.remoteClassName());
    }

    @Test
    void aValueOutsideTheSafeSetFailsNamingItsTypeAndTheAllowedSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(List.of(new Object())));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        assertTrue(e.getMessage().contains("expected: null, Boolean"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new StringBuilder("x")));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new java.util.concurrent.atomic.AtomicInteger()));
    }

    @Test
    void aCycleIsRefusedInsteadOfOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(cycle));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void aRecordThatRefusesItsComponentsIsAProtocolError() {
        byte[] bytes = codec.encode(new Positive(5));
        bytes[bytes.length - 1] = 0; // the int component becomes 0
        MalformedValueException e = assertThrows(MalformedValueException.class, () -> codec.decode(bytes));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void anUnknownClassIsAProtocolError() {
        byte[] bytes = codec.encode(SystemEvent.ERROR);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("dev.eventdriven.SystemEvent", "dev.eventdriven.SystemEvenX");
        byte[] mutated = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        MalformedValueException e = assertThrows(MalformedValueException.class, () -> codec.decode(mutated));
        assertTrue(e.getMessage().contains("SystemEvenX"), e.getMessage());
    }
}
