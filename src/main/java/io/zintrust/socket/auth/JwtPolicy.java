package io.zintrust.socket.auth;

import io.zintrust.socket.identity.ChannelPatterns;
import io.zintrust.socket.identity.TokenRejected;
import io.zintrust.socket.identity.Tokens;
import io.zintrust.socket.identity.VerifiedToken;

import java.util.Optional;

/**
 * {@code SOCKET_AUTH_POLICY=jwt}: the caller is the {@code sub} of its verified bearer token, and the
 * token's {@code channels} claim lists the channels that user may join.
 */
final class JwtPolicy implements AuthPolicy {

    static final String NO_TOKEN = "Missing bearer token: send Authorization: Bearer <JWT>";

    private final Tokens tokens;

    JwtPolicy(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public AuthDecision decide(ChannelAuthRequest request) {
        VerifiedToken user;
        try {
            user = tokens.user(request.http().getHeader("Authorization")).orElse(null);
        } catch (TokenRejected e) {
            return AuthDecision.fail(401, e.getMessage());
        }
        if (user == null) {
            return AuthDecision.fail(401, NO_TOKEN);
        }
        UserIdentity identity = new UserIdentity(user.userId(), user.userInfo());
        if (request.signIn()) {
            return AuthDecision.allowAs(identity);
        }
        Optional<ChannelPatterns> channels = user.patterns("channels");
        if (channels.isEmpty()) {
            return AuthDecision.deny("Token has no channels claim: list the channels its user may join, e.g."
                    + " [\"private-orders.*\"]");
        }
        if (!channels.get().matches(request.channel().value())) {
            return AuthDecision.deny("Token does not grant channel " + request.channel().value()
                    + ": no pattern of its channels claim matches");
        }
        return AuthDecision.allowAs(identity);
    }
}
