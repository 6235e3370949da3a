package dev.eventdriven.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A child process was started (by the subprocess adapter); committed on the starting thread. */
@Name(ChildProcessStartedEvent.NAME)
@Label("Child Process Started")
@Category({"EventDriven"})
@Description("A child process was started")
public final class ChildProcessStartedEvent extends jdk.jfr.Event {

    /** The event type's name, for recording settings. */
    public static final String NAME = "dev.eventdriven.ChildProcessStarted";

    @Label("Child")
    @Description("The child's name (the subprocess adapter's)")
    String child;

    @Label("Pid")
    long pid;

    @Label("Command")
    @Description("The program started (the first word of the command)")
    String command;

    private ChildProcessStartedEvent() {
    }

    /**
     * Records a start if the event type is enabled.
     *
     * @param child the child's name
     * @param pid its process id
     * @param command the program started
     */
    public static void emit(String child, long pid, String command) {
        ChildProcessStartedEvent e = new ChildProcessStartedEvent();
        if (e.isEnabled()) {
            e.child = child;
            e.pid = pid;
            e.command = Emission.text(command);
            e.commit();
        }
    }
}
