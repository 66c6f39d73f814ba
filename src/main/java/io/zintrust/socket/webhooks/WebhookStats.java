package io.zintrust.socket.webhooks;

import java.util.concurrent.atomic.AtomicLong;

/** What webhook delivery did for one app on this instance since it started (for the stop's log line and metrics). */
final class WebhookStats {

    final AtomicLong queued = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong failedAttempts = new AtomicLong();
    final AtomicLong givenUp = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong adopted = new AtomicLong();
    final AtomicLong handedOver = new AtomicLong();

    WebhookCounts counts() {
        return new WebhookCounts(queued.get(), delivered.get(), failedAttempts.get(), givenUp.get(), dropped.get());
    }

    /** The totals of several apps' stats, described for the log. */
    static String describe(java.util.Collection<WebhookStats> all) {
        WebhookStats sum = new WebhookStats();
        for (WebhookStats one : all) {
            sum.delivered.addAndGet(one.delivered.get());
            sum.failedAttempts.addAndGet(one.failedAttempts.get());
            sum.givenUp.addAndGet(one.givenUp.get());
            sum.dropped.addAndGet(one.dropped.get());
            sum.adopted.addAndGet(one.adopted.get());
            sum.handedOver.addAndGet(one.handedOver.get());
        }
        return sum.describe();
    }

    String describe() {
        return "delivered=" + delivered + ", failedAttempts=" + failedAttempts + ", givenUp=" + givenUp
                + ", droppedQueueFull=" + dropped + ", takenOver=" + adopted + ", handedOver=" + handedOver;
    }
}
