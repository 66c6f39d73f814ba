package io.zintrust.socket.policy;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who sent an authorization or publish request.
 *
 * @param headers   the request's headers, names in lower case
 * @param principal the authenticated user, or null: a verified {@code Authorization: Bearer} JWT when
 *                  the server is configured to verify tokens (an
 *                  {@code org.eclipse.microprofile.jwt.JsonWebToken}), else the container's user
 */
public record Caller(Map<String, List<String>> headers, Principal principal) {

    public Caller {
        headers = Map.copyOf(headers);
    }

    /** The first value of this header, whatever the case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean authenticated() {
        return principal != null;
    }
}
