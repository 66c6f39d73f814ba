package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookTarget;

/**
 * One POST, made once: every attempt sends the same {@code body}, so the same signature and the same
 * {@code id} (the {@code Webhook-Id} header a receiver drops duplicates by), whichever instance sends it.
 *
 * @param events     how many events the body holds (for the queue bound)
 * @param deadlineMs after this instant the batch is not tried again
 */
public record Batch(String id, App app, WebhookTarget target, String body, int events, long createdMs,
                    long deadlineMs) {
}
