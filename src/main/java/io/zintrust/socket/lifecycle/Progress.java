package io.zintrust.socket.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.LongSupplier;

/**
 * The background work liveness watches, as each piece reports it: when the heartbeat last swept the
 * sockets, and how long the oldest cluster message has waited for the inbound applier.
 */
@ApplicationScoped
public class Progress {

    private volatile long heartbeatAtNanos = System.nanoTime();
    private volatile boolean heartbeatRuns;
    private volatile LongSupplier applierWaitNanos = () -> 0;

    /** The heartbeat was scheduled: from now on it must sweep every second. */
    public void heartbeatStarted() {
        heartbeatAtNanos = System.nanoTime();
        heartbeatRuns = true;
    }

    /** The heartbeat finished a sweep. */
    public void heartbeat() {
        heartbeatAtNanos = System.nanoTime();
    }

    /** Nanoseconds since the last sweep, or -1 when the heartbeat is off (a disabled server). */
    public long sinceHeartbeatNanos() {
        return heartbeatRuns ? System.nanoTime() - heartbeatAtNanos : -1;
    }

    /** Tells where the inbound applier's lag is read from (the cluster, when clustered). */
    public void applierLag(LongSupplier waitNanos) {
        applierWaitNanos = waitNanos;
    }

    /** How long the oldest cluster message has waited to be applied here; 0 when none waits. */
    public long applierLagNanos() {
        return applierWaitNanos.getAsLong();
    }
}
