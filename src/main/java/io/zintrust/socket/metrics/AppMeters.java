package io.zintrust.socket.metrics;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;

/**
 * One app's counters, looked up once per app so that an event costs a map read and an increment; the
 * counters with a second label (close code, channel type, status) are kept in {@code labelled} by
 * {@code name|value} once first used.
 */
record AppMeters(Counter opened, Counter slowCloses, Counter clientEvents, Counter clientEventsRefused,
                 Counter malformedFrames, Counter framesDelivered, Counter bytesDelivered, Timer publishTime,
                 java.util.Map<String, Counter> labelled) {
}
