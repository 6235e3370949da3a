package dev.eventdriven.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The heap a decoded value may take is bounded by its frame (8 x frame + 1 MiB, estimated before
 * allocating): hostile frames are refused, ordinary values pass, and the encoder refuses exactly what
 * the decoder would.
 */
class ValueCodecHeapBudgetTest {

    /** Records nested in records and collections. */
    public record Line(String sku, int quantity, BigDecimal price) {
    }

    /** An order of lines with attributes. */
    public record Order(String id, List<Line> lines, Map<String, Object> attributes) {
    }

    private final ValueCodec codec = new ValueCodec(null);

    /** A set of {@code n} distinct integers outside the boxing cache, as the wire carries it. */
    private static byte[] rawSetOfIntegers(int n) {
        RawValue raw = new RawValue().container(ValueCodec.SET, n);
        for (int i = 0; i < n; i++) {
            raw.intValue(1_000 + i);
        }
        return raw.toByteArray();
    }

    private static Set<Integer> setOfIntegers(int n) {
        Set<Integer> set = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            set.add(1_000 + i);
        }
        return set;
    }

    @Test
    void aFifteenMebibyteFrameOfASetOfSmallIntegersIsRefusedBeforeTheSetIsBuilt() {
        int n = (15 * 1024 * 1024 - 5) / 5;
        byte[] frame = rawSetOfIntegers(n);
        MalformedValueException e = assertThrows(MalformedValueException.class, () -> codec.decode(frame));
        assertTrue(e.getMessage().startsWith("decoded value of a " + frame.length + "-byte frame would take more"
                + " than " + (8L * frame.length + (1 << 20)) + " bytes of heap"), e.getMessage());
        assertTrue(e.getMessage().endsWith("at offset 5"), "refused at its count: " + e.getMessage());
    }

    @Test
    void aListOfEmptySetsIsRefusedOnceItsElementsOutgrowTheBudget() {
        int n = 1_000_000;
        RawValue raw = new RawValue().container(ValueCodec.LIST, n);
        for (int i = 0; i < n; i++) {
            raw.container(ValueCodec.SET, 0);
        }
        byte[] frame = raw.toByteArray();
        MalformedValueException e = assertThrows(MalformedValueException.class, () -> codec.decode(frame));
        assertTrue(e.getMessage().contains("bytes of heap (8 x frame + 1 MiB)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new ArrayList<>(
                java.util.Collections.nCopies(n, Set.of()))));
    }

    @Test
    void theEncoderRefusesExactlyTheSetsTheDecoderWould() {
        // 64 B estimated per element against 8 x 5 B of frame: the 1 MiB headroom runs out at 43,689.
        int largest = 43_689;
        assertEquals(setOfIntegers(largest), codec.decode(codec.encode(setOfIntegers(largest))));
        assertEquals(setOfIntegers(largest), codec.decode(rawSetOfIntegers(largest)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(setOfIntegers(largest + 1)));
        assertTrue(refused.getMessage().startsWith("value: about "), refused.getMessage());
        assertTrue(refused.getMessage().contains("(expected: at most 8 x frame + 1 MiB = "), refused.getMessage());
        assertThrows(MalformedValueException.class, () -> codec.decode(rawSetOfIntegers(largest + 1)));
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(java.util.List.of(setOfIntegers(largest + 1))));
        assertTrue(nested.getMessage().startsWith("value: about "), nested.getMessage());
    }

    @Test
    void aMillionElementListOfIntegersRoundTrips() {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            list.add(i * 7 - 3_000_000);
        }
        byte[] frame = codec.encode(list);
        assertTrue(frame.length <= (16 << 20), "fits one default frame");
        assertEquals(list, codec.decode(frame));
    }

    @Test
    void aHundredThousandEntryMapOfStringsToIntegersRoundTrips() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            map.put(Integer.toString(i), i + 1_000);
        }
        Object back = codec.decode(codec.encode(map));
        assertEquals(map, back);
        assertEquals(new ArrayList<>(map.keySet()), new ArrayList<>(((Map<?, ?>) back).keySet()));
    }

    @Test
    void nestedRecordsRoundTrip() {
        List<Order> orders = new ArrayList<>();
        for (int o = 0; o < 10_000; o++) {
            List<Line> lines = new ArrayList<>();
            for (int l = 0; l < 5; l++) {
                lines.add(new Line("sku-" + l, l + 1, new BigDecimal(o + "." + l + "5")));
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("customer", "c" + o);
            attributes.put("tags", List.of("a", "b"));
            attributes.put("rush", o % 2 == 0);
            orders.add(new Order("order-" + o, lines, attributes));
        }
        assertEquals(orders, codec.decode(codec.encode(orders)));
    }
}
