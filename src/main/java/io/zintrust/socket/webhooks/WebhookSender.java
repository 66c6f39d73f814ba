package io.zintrust.socket.webhooks;

import java.util.concurrent.CompletableFuture;

/** Makes one attempt at a batch; completes with the HTTP status, or exceptionally when none came in time. */
interface WebhookSender {

    CompletableFuture<Integer> post(Batch batch);
}
