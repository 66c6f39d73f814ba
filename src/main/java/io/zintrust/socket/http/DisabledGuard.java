package io.zintrust.socket.http;

import io.zintrust.socket.apps.Availability;
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
    Availability availability;

    @Override
    public void filter(ContainerRequestContext request) {
        availability.refusal().ifPresent(reason -> request.abortWith(ErrorBody.response(503, reason)));
    }
}
