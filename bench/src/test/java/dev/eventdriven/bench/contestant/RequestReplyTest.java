package dev.eventdriven.bench.contestant;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The latency contestants return the value sent, and the consumer sees each value once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestReplyTest {

    @ParameterizedTest
    @ValueSource(strings = {"controller", "controller-shared", "submit-get", "supply-async-join"})
    void eachReplyIsTheValueSent(String contestant) throws Exception {
        Tally tally = new Tally();
        try (RequestReply rr = RequestReply.start(contestant, tally)) {
            for (int i = 0; i < 2_000; i++) {
                Integer v = Values.get(i);
                assertSame(v, rr.call(v));
                tally.expectReplied(v);
            }
        }
        tally.verify();
    }
}
