package io.zintrust.socket.websocket;

/** One socket's client events per second: a fixed one-second window, as Pusher counts them. */
final class ClientEventBudget {

    private long windowStart;
    private int inWindow;

    /** Counts one event; false when over {@code perSecond} in the current second (-1: no limit). */
    synchronized boolean allow(int perSecond) {
        if (perSecond < 0) {
            return true;
        }
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            inWindow = 0;
        }
        return ++inWindow <= perSecond;
    }
}
