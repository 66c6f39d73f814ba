package io.zintrust.socket.webhooks;

import java.util.concurrent.atomic.AtomicLong;

/** What webhook delivery did on this instance since it started (for logs now, metrics later). */
final class WebhookStats {

    final AtomicLong delivered = new AtomicLong();
    final AtomicLong failedAttempts = new AtomicLong();
    final AtomicLong givenUp = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong adopted = new AtomicLong();
    final AtomicLong handedOver = new AtomicLong();

    String describe() {
        return "delivered=" + delivered + ", failedAttempts=" + failedAttempts + ", givenUp=" + givenUp
                + ", droppedQueueFull=" + dropped + ", takenOver=" + adopted + ", handedOver=" + handedOver;
    }
}
