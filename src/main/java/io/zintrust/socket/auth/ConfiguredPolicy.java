package io.zintrust.socket.auth;

import io.zintrust.socket.apps.SocketSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Turns {@code SOCKET_AUTH_POLICY} into the policy bean. */
@ApplicationScoped
public class ConfiguredPolicy {

    static final String DENIED = "Channel authorization is disabled by SOCKET_AUTH_POLICY=deny:"
            + " sign subscriptions in your application backend, or set SOCKET_AUTH_POLICY=allow";

    @Produces
    @ApplicationScoped
    AuthPolicy policy(SocketSettings settings) {
        return switch (settings.authPolicy()) {
            case ALLOW -> request -> AuthDecision.allow();
            case DENY -> request -> AuthDecision.deny(DENIED);
        };
    }
}
