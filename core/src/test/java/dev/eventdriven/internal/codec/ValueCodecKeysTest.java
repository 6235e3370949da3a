package dev.eventdriven.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.SystemEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Map keys and set elements: only scalar types that {@code HashMap} can order, of one class in a large
 * map, refused by the encoder and by the decoder; and hostile frames of colliding keys are refused (or
 * decoded) quickly.
 */
class ValueCodecKeysTest {

    /** A record: a value, but not a key. */
    public record Pair(int a, int b) {
    }

    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final int HOSTILE_KEYS = 100_000;
    private final ValueCodec codec = new ValueCodec(null);

    @Test
    void everyAllowedKeyTypeSurvivesARoundTripAsAMapKeyAndASetElement() {
        List<Object> keys = Arrays.asList(null, "s", true, (byte) 1, (short) 2, 3, 4L, 5.5f, 6.5,
                new BigInteger("123456789012345678901234567890"), 'c', Duration.ofSeconds(7),
                Instant.ofEpochSecond(8), SystemEvent.ERROR);
        Map<Object, Object> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, String.valueOf(k)));
        assertEquals(map, codec.decode(codec.encode(map)));
        Set<Object> set = new LinkedHashSet<>(keys);
        assertEquals(set, codec.decode(codec.encode(set)));
    }

    @Test
    void encodingAMapKeyOfAnotherTypeFailsNamingItAndTheAllowedKeyTypes() {
        Map<Object, Object> listKey = new LinkedHashMap<>();
        listKey.put(new ArrayList<>(List.of(1)), "v");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(listKey));
        assertEquals("map key: a java.util.ArrayList (expected: " + ValueLimits.KEY_TYPES + ")", e.getMessage());
        assertTrue(e.getMessage().contains("String, Boolean, Byte"), e.getMessage());
        for (Object key : List.of(new BigDecimal("1.0"), new Pair(1, 2), new byte[] {1}, Map.of(1, 2),
                Set.of(1), new IllegalStateException("x"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> codec.encode(Map.of(key, 1)), "key " + key);
            assertTrue(refused.getMessage().startsWith("map key: a " + key.getClass().getName()), refused.getMessage());
        }
    }

    @Test
    void encodingASetElementOfAnotherTypeFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(Set.of(List.of("a"))));
        assertTrue(e.getMessage().startsWith("set element: a java.util."), e.getMessage());
        assertTrue(e.getMessage().endsWith("(expected: " + ValueLimits.KEY_TYPES + ")"), e.getMessage());
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(List.of(Set.of(new Pair(1, 2)))));
        assertTrue(nested.getMessage().startsWith("set element: a "), nested.getMessage());
    }

    @Test
    void decodingAMapKeyOrSetElementOfAnotherTypeIsAProtocolError() {
        for (Object key : List.of(List.of(1), Set.of(1), Map.of(1, 2), new byte[] {1}, new BigDecimal("1.5"),
                new Pair(1, 2), new IllegalStateException("x"))) {
            byte[] map = new RawValue().container(ValueCodec.MAP, 1).raw(codec.encode(key)).nullValue().toByteArray();
            MalformedValueException e = assertThrows(MalformedValueException.class, () -> codec.decode(map),
                    "key " + key);
            assertTrue(e.getMessage().startsWith("map key at offset 5 has tag"), e.getMessage());
            byte[] set = new RawValue().container(ValueCodec.SET, 1).raw(codec.encode(key)).toByteArray();
            e = assertThrows(MalformedValueException.class, () -> codec.decode(set), "element " + key);
            assertTrue(e.getMessage().startsWith("set element at offset 5 has tag"), e.getMessage());
        }
    }

    /** Lists {@code [a, -31a]} all have the hash code 31 * (31 + a) - 31a = 961. */
    private static RawValue collidingListKeys(byte tag, int n) {
        RawValue raw = new RawValue().container(tag, n);
        for (int a = 0; a < n; a++) {
            raw.container(ValueCodec.LIST, 2).intValue(a).intValue(-31 * a);
            if (tag == ValueCodec.MAP) {
                raw.nullValue();
            }
        }
        return raw;
    }

    @Test
    void aHostileFrameOfCollidingListKeysIsRefusedQuickly() {
        assertEquals(List.of(0, 0).hashCode(), List.of(7, -31 * 7).hashCode());
        for (byte tag : new byte[] {ValueCodec.MAP, ValueCodec.SET}) {
            byte[] frame = collidingListKeys(tag, HOSTILE_KEYS).toByteArray();
            MalformedValueException e = assertTimeoutPreemptively(QUICKLY,
                    () -> assertThrows(MalformedValueException.class, () -> codec.decode(frame)));
            assertTrue(e.getMessage().contains("has tag " + ValueCodec.LIST), e.getMessage());
        }
    }

    /** Strings of 17 blocks of "Aa" or "BB" (equal hash codes) all share one hash code. */
    private static List<String> collidingStrings(int n) {
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder(34);
            for (int bit = 16; bit >= 0; bit--) {
                s.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
            }
            strings.add(s.toString());
        }
        return strings;
    }

    @Test
    void aFrameOfCollidingStringKeysDecodesQuicklyAndCorrectly() {
        List<String> keys = collidingStrings(HOSTILE_KEYS);
        assertEquals(keys.get(0).hashCode(), keys.get(HOSTILE_KEYS - 1).hashCode());
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), i);
        }
        byte[] mapFrame = codec.encode(map);
        byte[] setFrame = codec.encode(new LinkedHashSet<>(keys));
        Object decodedMap = assertTimeoutPreemptively(QUICKLY, () -> codec.decode(mapFrame));
        Object decodedSet = assertTimeoutPreemptively(QUICKLY, () -> codec.decode(setFrame));
        assertEquals(map, decodedMap);
        assertEquals(keys, new ArrayList<>((Set<?>) decodedSet));
    }

    /** {@code ((long) i << 32) | i} has the hash code i ^ i = 0, and so has the double with those bits. */
    private static long collidingBits(int i) {
        return (long) i << 32 | i;
    }

    @Test
    void aFrameOfCollidingLongKeysOfOneClassDecodesQuickly() {
        RawValue raw = new RawValue().container(ValueCodec.MAP, HOSTILE_KEYS);
        for (int i = 0; i < HOSTILE_KEYS; i++) {
            raw.longValue(collidingBits(i)).nullValue();
        }
        byte[] frame = raw.toByteArray();
        Map<?, ?> map = (Map<?, ?>) assertTimeoutPreemptively(QUICKLY, () -> codec.decode(frame));
        assertEquals(HOSTILE_KEYS, map.size());
        assertTrue(map.containsKey(collidingBits(HOSTILE_KEYS - 1)));
    }

    @Test
    void aLargeMapWhoseCollidingKeysMixClassesIsRefusedQuickly() {
        assertEquals(0, Double.hashCode(Double.longBitsToDouble(collidingBits(12345))));
        RawValue raw = new RawValue().container(ValueCodec.MAP, HOSTILE_KEYS);
        for (int i = 0; i < HOSTILE_KEYS; i++) {
            if (i % 2 == 0) {
                raw.longValue(collidingBits(i));
            } else {
                raw.doubleValue(Double.longBitsToDouble(collidingBits(i)));
            }
            raw.nullValue();
        }
        byte[] frame = raw.toByteArray();
        MalformedValueException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(MalformedValueException.class, () -> codec.decode(frame)));
        assertTrue(e.getMessage().contains("map keys: java.lang.Long and java.lang.Double in a map of 100000"
                + " entries (expected: map keys of one class"), e.getMessage());
    }

    @Test
    void mapsAtTheSizeLimitWhoseCollidingKeysMixClassesDecodeQuickly() {
        int maps = 200;
        int entries = ValueLimits.MAX_MIXED_ENTRIES;
        RawValue raw = new RawValue().container(ValueCodec.LIST, maps);
        for (int m = 0; m < maps; m++) {
            raw.container(ValueCodec.MAP, entries);
            for (int i = 0; i < entries; i++) {
                long bits = collidingBits(m * entries + i);
                if (i % 2 == 0) {
                    raw.longValue(bits);
                } else {
                    raw.doubleValue(Double.longBitsToDouble(bits));
                }
                raw.nullValue();
            }
        }
        byte[] frame = raw.toByteArray();
        List<?> decoded = (List<?>) assertTimeoutPreemptively(QUICKLY, () -> codec.decode(frame));
        assertEquals(maps, decoded.size());
        assertEquals(entries, ((Map<?, ?>) decoded.get(maps - 1)).size());
    }

    @Test
    void encodingALargeMapOrSetWhoseKeysMixClassesFails() {
        Map<Object, Object> map = new LinkedHashMap<>();
        Set<Object> set = new LinkedHashSet<>();
        for (int i = 0; i < ValueLimits.MAX_MIXED_ENTRIES; i++) {
            map.put(i, i);
            set.add(i);
        }
        map.put(null, "a null key is no other class");
        assertEquals(map, codec.decode(codec.encode(map)));
        map.put("s", "one key too many of another class");
        set.add("s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(map));
        assertEquals("map keys: java.lang.Integer and java.lang.String in a map of 1026 entries (expected: map keys"
                + " of one class in a map of more than 1024 entries)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> codec.encode(set));
        assertTrue(e.getMessage().startsWith("set elements: java.lang.Integer and java.lang.String in a set of"
                + " 1025 entries"), e.getMessage());
        set.remove(0);
        assertEquals(set, codec.decode(codec.encode(set)));
    }

    @Test
    void manySmallMapsWhoseKeysMixClassesStillRoundTrip() {
        List<Map<Object, Object>> maps = new ArrayList<>();
        for (int m = 0; m < 100_000; m++) {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put("name", m);
            map.put(2, "two");
            map.put(null, SystemEvent.ERROR);
            map.put(SystemEvent.ERROR, 'e');
            maps.add(map);
        }
        assertEquals(maps, codec.decode(codec.encode(maps)));
    }

    @Test
    void aSecondNullKeyOrElementIsAProtocolError() {
        byte[] map = new RawValue().container(ValueCodec.MAP, 2).nullValue().intValue(1).nullValue().intValue(2)
                .toByteArray();
        MalformedValueException e = assertThrows(MalformedValueException.class, () -> codec.decode(map));
        assertTrue(e.getMessage().contains("second null key"), e.getMessage());
        byte[] set = new RawValue().container(ValueCodec.SET, 2).nullValue().nullValue().toByteArray();
        e = assertThrows(MalformedValueException.class, () -> codec.decode(set));
        assertTrue(e.getMessage().contains("second null element"), e.getMessage());
    }
}
