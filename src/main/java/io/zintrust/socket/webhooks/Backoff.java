package io.zintrust.socket.webhooks;

/** The wait before the next attempt: 1, 2, 4 ... 32 seconds, then every 60 seconds. */
final class Backoff {

    private static final long CAP_MS = 60_000;

    private Backoff() {
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    static long delayMs(int failures) {
        if (failures >= 7) {
            return CAP_MS;
        }
        return Math.min(CAP_MS, 1000L << Math.max(0, failures - 1));
    }
}
