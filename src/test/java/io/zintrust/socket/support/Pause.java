package io.zintrust.socket.support;

/** A sleep between polls that keeps the thread's interrupt for the caller to see. */
public final class Pause {

    private Pause() {
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
