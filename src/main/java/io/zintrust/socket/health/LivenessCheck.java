package io.zintrust.socket.health;

import io.zintrust.socket.lifecycle.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.util.concurrent.TimeUnit;

/**
 * {@code /health/live}: DOWN when background work this server cannot do without has stopped moving,
 * so an orchestrator restarts it: the heartbeat (every second; it also finds dead sockets) or the
 * cluster's inbound applier (other instances' events for local sockets).
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    /** Ten missed heartbeat sweeps, or a cluster message waiting as long, is a stall. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Inject
    Progress progress;

    @Override
    public HealthCheckResponse call() {
        return of(progress.sinceHeartbeatNanos(), progress.applierLagNanos());
    }

    /** Whether either piece of work has stood still too long (a heartbeat age of -1: the heartbeat is off). */
    static boolean stalled(long sinceHeartbeatNanos, long applierLagNanos) {
        return sinceHeartbeatNanos >= STALL_NANOS || applierLagNanos >= STALL_NANOS;
    }

    private static HealthCheckResponse of(long sinceHeartbeatNanos, long applierLagNanos) {
        return HealthCheckResponse.named(ReadinessCheck.NAME + "-progress")
                .status(!stalled(sinceHeartbeatNanos, applierLagNanos))
                .withData("heartbeat_ms_ago", sinceHeartbeatNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(sinceHeartbeatNanos))
                .withData("applier_lag_ms", TimeUnit.NANOSECONDS.toMillis(applierLagNanos))
                .build();
    }
}
