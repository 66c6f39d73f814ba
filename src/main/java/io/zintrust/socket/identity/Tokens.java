package io.zintrust.socket.identity;

import io.zintrust.socket.apps.SocketSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The callers' bearer tokens, verified with the configured key when the auth policy uses them
 * ({@code jwt}, or {@code custom} with a key). The key is loaded at startup, so a bad one stops the
 * deployment rather than failing every request.
 */
@ApplicationScoped
public class Tokens {

    private static final System.Logger LOG = System.getLogger(Tokens.class.getName());

    @Inject
    SocketSettings settings;
    private TokenVerifier verifier;

    @PostConstruct
    void load() {
        if (settings.auth().verifiesTokens()) {
            verifier = TokenVerifier.from(settings.auth().jwt());
            LOG.log(Level.INFO, "ZinTrust Socket verifies bearer tokens (RS256/RS384/RS512), issuer "
                    + (settings.auth().jwt().issuer() == null ? "not checked" : settings.auth().jwt().issuer()));
        }
    }

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        verifying();
    }

    public boolean verifying() {
        return verifier != null;
    }

    /**
     * The user of this {@code Authorization} header: empty when it carries no JWT or tokens are not
     * verified here; a present token that fails verification is rejected, never ignored.
     */
    public Optional<VerifiedToken> user(String authorization) throws TokenRejected {
        String jwt = BearerToken.jwt(authorization);
        if (jwt == null || verifier == null) {
            return Optional.empty();
        }
        return Optional.of(verifier.verify(jwt, System.currentTimeMillis() / 1000));
    }
}
