package io.zintrust.socket.webhooks;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The events one target may hold, open and pending together. A receiver that is down fills only its
 * own bound; what comes after is dropped, counted, and logged at most once a minute.
 */
final class QueueBound {

    private static final System.Logger LOG = System.getLogger(QueueBound.class.getName());
    private static final long LOG_EVERY_MS = 60_000;

    private final String name;
    private final int limit;
    private final WebhookStats stats;
    private final LongSupplier clock;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private final AtomicLong lastLogMs = new AtomicLong(Long.MIN_VALUE);

    QueueBound(String name, int limit, WebhookStats stats, LongSupplier clock) {
        this.name = name;
        this.limit = limit;
        this.stats = stats;
        this.clock = clock;
    }

    /** Takes room for one event; false (and counted as dropped) when the target is full. */
    boolean take() {
        if (held.incrementAndGet() <= limit) {
            return true;
        }
        held.decrementAndGet();
        stats.dropped.incrementAndGet();
        droppedSinceLog.incrementAndGet();
        long now = clock.getAsLong();
        long last = lastLogMs.get();
        if ((last == Long.MIN_VALUE || now - last >= LOG_EVERY_MS) && lastLogMs.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "Webhooks to " + name + ": " + limit + " events are waiting; dropped "
                    + droppedSinceLog.getAndSet(0) + " new event(s) (SOCKET_WEBHOOK_QUEUE_LIMIT)");
        }
        return false;
    }

    /** Room for batches taken over from another instance: they are never refused, they already exist. */
    void takeAdopted(int events) {
        held.addAndGet(events);
    }

    void release(int events) {
        held.addAndGet(-events);
    }

    int held() {
        return held.get();
    }
}
