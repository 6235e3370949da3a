package dev.eventdriven.bench.contestant;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.ThreadFactory;

/**
 * Peer: an LMAX Disruptor 4 ring with one event handler. Single-producer sequencing when there is
 * one producer (the Disruptor's best case), multi-producer otherwise.
 */
final class DisruptorSink implements EventSink {

    /** 64 Ki slots: a batch of 100,000 laps the ring, so producers do meet a full ring. */
    static final int RING_SIZE = 1 << 16;

    /** The ring's mutable slot. */
    static final class Slot {
        Object value;
    }

    private static final EventTranslatorOneArg<Slot, Integer> PUT = (slot, sequence, v) -> slot.value = v;

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;

    private DisruptorSink(Tally tally, int producers, WaitStrategy wait, String name) {
        ThreadFactory threads = Threads.factory(name);
        disruptor = new Disruptor<>(Slot::new, RING_SIZE, threads,
                producers == 1 ? ProducerType.SINGLE : ProducerType.MULTI, wait);
        disruptor.handleEventsWith((slot, sequence, endOfBatch) -> {
            Object v = slot.value;
            slot.value = null;
            tally.add(v);
        });
        ring = disruptor.start();
    }

    static DisruptorSink blocking(Tally tally, int producers) {
        return new DisruptorSink(tally, producers, new BlockingWaitStrategy(), "bench-disruptor-blocking");
    }

    static DisruptorSink yielding(Tally tally, int producers) {
        return new DisruptorSink(tally, producers, new YieldingWaitStrategy(), "bench-disruptor-yielding");
    }

    @Override
    public void send(Integer value) {
        ring.publishEvent(PUT, value);
    }

    @Override
    public void close() {
        // Waits until every published event was handled, then halts the processor thread.
        disruptor.shutdown();
    }
}
