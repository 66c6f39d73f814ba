package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookSettings;
import io.zintrust.socket.apps.WebhookTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The open batch of one app's target: events join it in the order they are told, and it closes when it
 * holds the batch size or when the window since its first event ends, whichever comes first. The lock
 * is held only to append and to queue a closed batch, so the socket thread that tells an event never
 * waits for delivery.
 */
final class Batcher {

    private final App app;
    private final WebhookTarget target;
    private final WebhookSettings settings;
    private final Later later;
    private final LongSupplier clock;
    private final QueueBound bound;
    private final Consumer<Batch> closed;

    private List<OutgoingEvent> open = new ArrayList<>();
    private long generation;
    private Runnable window;

    Batcher(App app, WebhookTarget target, WebhookSettings settings, Later later, LongSupplier clock,
            QueueBound bound, Consumer<Batch> closed) {
        this.app = app;
        this.target = target;
        this.settings = settings;
        this.later = later;
        this.clock = clock;
        this.bound = bound;
        this.closed = closed;
    }

    void add(OutgoingEvent event) {
        if (!bound.take()) {
            return;
        }
        boolean first;
        boolean full;
        long opened;
        synchronized (this) {
            first = open.isEmpty();
            open.add(event);
            opened = generation;
            full = open.size() >= settings.batchSize();
            if (full) {
                close(take());
            }
        }
        if (!full && first) {
            Runnable cancel = later.later(settings.batchMs(), () -> windowEnded(opened));
            synchronized (this) {
                if (generation == opened) {
                    window = cancel;
                    return;
                }
            }
            cancel.run(); // the batch closed by size before its window was even set
        }
    }

    /** Closes the open batch now (shutdown). */
    synchronized void flush() {
        if (!open.isEmpty()) {
            close(take());
        }
    }

    private synchronized void windowEnded(long opened) {
        // a window set for a batch that already closed by size must not cut the next one short
        if (generation == opened && !open.isEmpty()) {
            window = null;
            close(take());
        }
    }

    private List<OutgoingEvent> take() {
        List<OutgoingEvent> events = open;
        open = new ArrayList<>();
        generation++;
        if (window != null) {
            window.run();
            window = null;
        }
        return events;
    }

    /** Called under the lock, so batches reach delivery in the order they closed; delivery only queues. */
    private void close(List<OutgoingEvent> events) {
        long now = clock.getAsLong();
        closed.accept(new Batch(UUID.randomUUID().toString(), app, target, WebhookBody.of(now, events), events.size(),
                now, now + settings.retrySeconds() * 1000L));
    }
}
