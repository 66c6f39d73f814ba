package io.zintrust.socket.apps;

/**
 * How this server delivers webhooks (the same for every app).
 *
 * @param batchMs      the longest an event waits in an open batch
 * @param batchSize    the most events in one POST
 * @param timeoutMs    the longest one attempt may take
 * @param retrySeconds how long after a batch was made it is still retried
 * @param queueLimit   events that may wait for one target (open and pending); more are dropped and counted
 */
public record WebhookSettings(int batchMs, int batchSize, int timeoutMs, int retrySeconds, int queueLimit) {

    public static final WebhookSettings DEFAULTS = new WebhookSettings(250, 20, 4000, 300, 10_000);

    public String describe() {
        return "webhookBatch=" + batchSize + "/" + batchMs + "ms, webhookTimeout=" + timeoutMs
                + "ms, webhookRetry=" + retrySeconds + "s, webhookQueueLimit=" + queueLimit;
    }
}
