package dev.eventdriven.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A message that came over a bridge (a child process's channel, a NATS subject, ...) could not be
 * decoded. Committed on the thread that read the message.
 */
@Name(BridgeDecodeFailedEvent.NAME)
@Label("Bridge Decode Failed")
@Category({"EventDriven"})
@Description("A message received over a bridge could not be decoded")
public final class BridgeDecodeFailedEvent extends jdk.jfr.Event {

    /** The event type's name, for recording settings. */
    public static final String NAME = "dev.eventdriven.BridgeDecodeFailed";

    @Label("Bridge")
    @Description("The kind of bridge: subprocess, nats, ...")
    String bridge;

    @Label("Endpoint")
    @Description("The endpoint's name (a child's name, a remote controller's)")
    String endpoint;

    @Label("Channel")
    @Description("Where the message came from: stdout of a child, a subject")
    String channel;

    @Label("Size")
    @Description("The message's size in bytes; -1 if unknown")
    @DataAmount(DataAmount.BYTES)
    long size;

    @Label("Exception")
    String exception;

    @Label("Message")
    String message;

    private BridgeDecodeFailedEvent() {
    }

    /**
     * Records a decode failure if the event type is enabled.
     *
     * @param bridge the kind of bridge ({@code "subprocess"}, {@code "nats"}, ...)
     * @param endpoint the endpoint's name
     * @param channel where the message came from (a subject, {@code "stdout"})
     * @param sizeBytes the message's size in bytes, {@code -1} if unknown
     * @param error why it could not be decoded
     */
    public static void emit(String bridge, String endpoint, String channel, long sizeBytes, Throwable error) {
        BridgeDecodeFailedEvent e = new BridgeDecodeFailedEvent();
        if (e.isEnabled()) {
            e.bridge = bridge;
            e.endpoint = endpoint;
            e.channel = Emission.text(channel);
            e.size = sizeBytes;
            e.exception = Emission.errorType(error);
            e.message = Emission.errorMessage(error);
            e.commit();
        }
    }
}
