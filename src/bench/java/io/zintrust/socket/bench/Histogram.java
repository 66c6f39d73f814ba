package io.zintrust.socket.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in 10 µs buckets up to 5 s (beyond counts as 5 s), recorded from many threads without locks. */
final class Histogram {

    private static final long BUCKET_NANOS = 10_000;
    private final AtomicLongArray buckets = new AtomicLongArray(500_000);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void record(long nanos) {
        int bucket = (int) Math.min(buckets.length() - 1, Math.max(0, nanos / BUCKET_NANOS));
        buckets.incrementAndGet(bucket);
        count.incrementAndGet();
        max.accumulateAndGet(nanos, Math::max);
    }

    /** Forgets every sample (after a warm-up). */
    void reset() {
        for (int i = 0; i < buckets.length(); i++) {
            buckets.set(i, 0);
        }
        count.set(0);
        max.set(0);
    }

    long count() {
        return count.get();
    }

    /** The latency in milliseconds below which {@code percentile} of the samples fall. */
    double percentileMillis(double percentile) {
        long total = count.get();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return maxMillis();
    }

    double maxMillis() {
        return max.get() / 1e6;
    }
}
