package io.zintrust.socket.auth;

import io.zintrust.socket.http.Callers;
import io.zintrust.socket.identity.TokenRejected;
import io.zintrust.socket.identity.Tokens;
import io.zintrust.socket.identity.VerifiedToken;
import io.zintrust.socket.policy.Caller;
import io.zintrust.socket.policy.ChannelAuthorizer;
import io.zintrust.socket.policy.ChannelRequest;
import io.zintrust.socket.policy.ChannelVerdict;
import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonObject;

import java.lang.System.Logger.Level;

/**
 * {@code SOCKET_AUTH_POLICY=custom}: the app's {@link ChannelAuthorizer} decides, seeing the caller's
 * headers and user (a verified bearer token when a key is configured, else the container's user).
 */
final class CustomPolicy implements AuthPolicy {

    private static final System.Logger LOG = System.getLogger(CustomPolicy.class.getName());

    private final ChannelAuthorizer authorizer;
    private final Tokens tokens;

    CustomPolicy(ChannelAuthorizer authorizer, Tokens tokens) {
        this.authorizer = authorizer;
        this.tokens = tokens;
    }

    @Override
    public AuthDecision decide(ChannelAuthRequest request) {
        VerifiedToken token;
        try {
            token = tokens.user(request.http().getHeader("Authorization")).orElse(null);
        } catch (TokenRejected e) {
            return AuthDecision.fail(401, e.getMessage());
        }
        Caller caller = Callers.of(request.http(), token);
        ChannelVerdict verdict;
        try {
            verdict = authorizer.authorize(new ChannelRequest(request.app().id(), request.socketId(),
                    request.signIn() ? null : request.channel().value(), request.channelData(), caller));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Channel authorizer " + authorizer.getClass().getName() + " failed on "
                    + request.subject(), e);
            // the detail is for the operator, not for the browser that asked
            return AuthDecision.fail(500, "The channel authorizer failed on " + request.subject() + "; see the server log");
        }
        if (verdict == null || !verdict.authorized()) {
            String message = verdict == null ? null : verdict.message();
            return AuthDecision.deny(message != null ? message : "Refused by the channel authorizer: "
                    + request.subject());
        }
        JsonObject info;
        try {
            info = verdict.userInfo() == null ? (token == null ? null : token.userInfo())
                    : JsonText.JSON.createObjectBuilder(verdict.userInfo()).build();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Channel authorizer " + authorizer.getClass().getName() + " gave user info that is"
                    + " not JSON (strings, numbers, booleans, lists and maps only) for " + request.subject(), e);
            return AuthDecision.fail(500, "The channel authorizer failed on " + request.subject() + "; see the server log");
        }
        String userId = verdict.userId() != null ? verdict.userId()
                : caller.principal() != null ? caller.principal().getName() : null;
        if (userId != null) {
            return AuthDecision.allowAs(new UserIdentity(userId, info));
        }
        if (request.needsUser()) {
            // never fall back to the user the client names: that is only the allow policy's (development) rule
            return AuthDecision.deny("The channel authorizer allowed " + request.subject() + " but named no user:"
                    + " presence channels and sign-in need one (allowAs, or an authenticated caller)");
        }
        return AuthDecision.allow();
    }
}
