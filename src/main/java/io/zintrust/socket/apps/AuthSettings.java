package io.zintrust.socket.apps;

import java.net.URI;
import java.time.Duration;

/**
 * How authorization and publish requests are decided.
 *
 * @param mode       {@code SOCKET_AUTH_POLICY}
 * @param url        {@code SOCKET_AUTH_URL}: the app endpoint the {@code url} policy asks; null otherwise
 * @param urlTimeout {@code SOCKET_AUTH_URL_TIMEOUT_MS}: how long one such call may take
 * @param jwt        bearer token verification (required by {@code jwt}, optional for {@code custom})
 */
public record AuthSettings(AuthPolicyMode mode, URI url, Duration urlTimeout, JwtSettings jwt) {

    public static final AuthSettings DENY = new AuthSettings(AuthPolicyMode.DENY, null, Duration.ofSeconds(2),
            JwtSettings.NONE);

    /** Tokens are verified for {@code jwt}, and for {@code custom} when a key is configured. */
    public boolean verifiesTokens() {
        return jwt.configured() && (mode == AuthPolicyMode.JWT || mode == AuthPolicyMode.CUSTOM);
    }
}
