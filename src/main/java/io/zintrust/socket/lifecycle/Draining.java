package io.zintrust.socket.lifecycle;

/**
 * Fired (synchronously) during a graceful stop, after every socket got 4200 and was released: webhooks
 * send what is pending and the cluster leaves, before {@code deadlineMillis} (epoch milliseconds).
 */
public record Draining(long deadlineMillis) {
}
