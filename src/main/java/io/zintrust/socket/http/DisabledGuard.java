package io.zintrust.socket.http;

import io.zintrust.socket.apps.SocketSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** With {@code SOCKET_ENABLED=false} every route of the HTTP API answers 503. */
@Provider
@PreMatching
public class DisabledGuard implements ContainerRequestFilter {

    public static final String MESSAGE = "Socket server is disabled (SOCKET_ENABLED=false)";

    @Inject
    SocketSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!settings.enabled()) {
            request.abortWith(ErrorBody.response(503, MESSAGE));
        }
    }
}
