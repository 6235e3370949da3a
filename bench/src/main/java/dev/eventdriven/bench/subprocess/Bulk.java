package dev.eventdriven.bench.subprocess;

/** W5c's check of an echoed byte array: same length, same bytes at both ends and in the middle. */
final class Bulk {

    private Bulk() {
    }

    static Integer checked(byte[] sent, byte[] echo) {
        int n = sent.length;
        if (echo.length != n || n > 0 && (echo[0] != sent[0] || echo[n - 1] != sent[n - 1] || echo[n / 2] != sent[n / 2])) {
            throw new IllegalStateException("echo of " + echo.length + " bytes for " + n + " sent does not match");
        }
        return n;
    }
}
