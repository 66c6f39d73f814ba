package io.zintrust.socket.websocket;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps writes off a socket's container writer once the container has released the socket: after
 * onClose the upgraded request's objects are recycled for other connections, and a late write would
 * land in one of them. The count goes up before the flag is read in {@link #enter}, and the flag is set
 * before the count is read in {@link #closeAndWait}, so either the write sees the release or the
 * release waits for the write.
 */
final class WriteGate {

    private static final long RELEASE_WAIT_NANOS = 1_000_000_000L;

    private final AtomicInteger inProgress = new AtomicInteger();
    private volatile boolean closed;

    /** Announces a write; false once closed (then nothing may be written). */
    boolean enter() {
        inProgress.incrementAndGet();
        if (closed) {
            inProgress.decrementAndGet();
            return false;
        }
        return true;
    }

    void exit() {
        inProgress.decrementAndGet();
    }

    /** Closes the gate and waits (at most a second) for writes already under way. */
    void closeAndWait() {
        closed = true;
        long deadline = System.nanoTime() + RELEASE_WAIT_NANOS;
        while (inProgress.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    boolean isClosed() {
        return closed;
    }
}
