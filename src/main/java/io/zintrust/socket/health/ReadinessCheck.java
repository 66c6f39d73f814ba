package io.zintrust.socket.health;

import io.zintrust.socket.apps.Availability;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.lifecycle.ClusterView;
import io.zintrust.socket.lifecycle.ServingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP only while this instance takes sockets (its websocket endpoint is open, it is
 * not draining) and, when clustered, is a member of the data grid. A load balancer sends no one here
 * otherwise.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    static final String NAME = "zintrust-socket";

    @Inject
    ServingState serving;
    @Inject
    Availability availability;
    @Inject
    ClusterView grid;
    @Inject
    ConnectionTable table;
    @Inject
    SocketSettings settings;

    @Override
    public HealthCheckResponse call() {
        ServingState.Phase phase = serving.phase();
        boolean joined = grid.joined();
        var refusal = availability.refusal();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME)
                .status(phase == ServingState.Phase.SERVING && joined && refusal.isEmpty())
                .withData("phase", phase.label())
                .withData("transport", grid.transport())
                .withData("grid_joined", joined)
                .withData("instances", grid.instances())
                .withData("connections", table.all().size())
                .withData("apps", settings.apps().size());
        refusal.ifPresent(reason -> answer.withData("unavailable", reason));
        return answer.build();
    }
}
