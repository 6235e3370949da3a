/**
 * EventDriven benchmarks (JMH). Compiled as a named module; run from the class-path uber-jar
 * {@code bench/target/benchmarks.jar} (JMH forks a JVM per trial on the class path).
 */
module dev.eventdriven.bench {
    requires dev.eventdriven.core;
    requires dev.eventdriven.pool;
    requires dev.eventdriven.adapters;
    requires dev.eventdriven.nats;
    requires jmh.core;
    requires com.lmax.disruptor;
    requires io.netty.common;
    requires jdk.management;
    requires pekko.actor.typed;
    requires pekko.actor;
    requires scala.library;
}
