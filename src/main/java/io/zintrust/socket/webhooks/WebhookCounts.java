package io.zintrust.socket.webhooks;

/**
 * One app's webhook counts on this instance since it started: events queued for its targets, batches
 * delivered, failed attempts (each followed by a retry or a give-up), batches given up after the retry
 * window, and events dropped because a target's queue was full.
 */
public record WebhookCounts(long eventsQueued, long batchesDelivered, long attemptsFailed, long batchesGivenUp,
                            long eventsDropped) {

    public static final WebhookCounts NONE = new WebhookCounts(0, 0, 0, 0, 0);
}
