package io.zintrust.socket.http;

import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.cluster.ClusterBus;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** While the server cannot serve (disabled, or a transport it lacks) every route of the HTTP API answers 503. */
@Provider
@PreMatching
public class DisabledGuard implements ContainerRequestFilter {

    @Inject
    SocketSettings settings;
    @Inject
    ClusterBus cluster;

    @Override
    public void filter(ContainerRequestContext request) {
        settings.unavailable().or(cluster::unavailable)
                .ifPresent(reason -> request.abortWith(ErrorBody.response(503, reason)));
    }
}
