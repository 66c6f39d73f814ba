package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.WebhookTarget;

/** One target of one app with its open batch and its delivery queue. */
record Route(WebhookTarget target, Batcher batcher, Delivery delivery) {
}
