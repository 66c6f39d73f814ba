package io.zintrust.socket.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies announced as larger than 1 MiB before anything reads them: no API call needs
 * that much (100 channels of 200 characters and 10 KB of data are far less).
 */
@Provider
@PreMatching
public class BodySizeGuard implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            request.abortWith(ErrorBody.response(413, "Request body is larger than " + MAX_BODY_BYTES + " bytes"));
        }
    }
}
