package dev.eventdriven.jfr;

/** Helpers shared by the event classes. */
final class Emission {

    /** The longest text a string field keeps (messages, stack tops). */
    static final int MAX_TEXT = 512;

    private Emission() {
    }

    static String text(Object o) {
        if (o == null) {
            return null;
        }
        String s = String.valueOf(o);
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    static String errorType(Throwable t) {
        return t == null ? null : t.getClass().getName();
    }

    static String errorMessage(Throwable t) {
        return t == null ? null : text(t.getMessage());
    }
}
