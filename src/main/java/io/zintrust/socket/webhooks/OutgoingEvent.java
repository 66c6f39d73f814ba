package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.WebhookEvent;

/** One webhook event, encoded once: its type and channel (for the filters) and its JSON object. */
record OutgoingEvent(WebhookEvent type, String channel, String json) {
}
