package io.zintrust.socket.metrics;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;

/** One app's hot counters, looked up once per app so that an event costs a map read and an increment. */
record AppMeters(Counter opened, Counter slowCloses, Counter clientEvents, Counter clientEventsRefused,
                 Counter malformedFrames, Counter framesDelivered, Counter bytesDelivered, Timer publishTime,
                 java.util.Map<Integer, Counter> publishesByStatus) {
}
