package io.zintrust.socket.api;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.AuthPolicyMode;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.http.ApiCaller;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.http.Callers;
import io.zintrust.socket.identity.ChannelPatterns;
import io.zintrust.socket.plugins.CustomPolicies;
import io.zintrust.socket.policy.PublishPolicy;
import io.zintrust.socket.policy.PublishRequest;
import io.zintrust.socket.policy.PublishVerdict;
import io.zintrust.socket.protocol.JsonText;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Runs once for every event published through the HTTP API, after authentication and before fan-out:
 * a publish by a user's token alone needs every channel in the token's {@code publish} claim
 * ({@code jwt}); the app's {@link PublishPolicy} ({@code custom}) may refuse it or rewrite it, and a
 * rewrite is validated like a request.
 */
@ApplicationScoped
public class PublishRules {

    private static final System.Logger LOG = System.getLogger(PublishRules.class.getName());

    @Inject
    SocketSettings settings;
    @Inject
    CustomPolicies custom;
    private PublishPolicy policy;

    @PostConstruct
    void choose() {
        policy = settings.authPolicy() == AuthPolicyMode.CUSTOM ? custom.publishPolicy().orElse(null) : null;
    }

    public Publication review(ApiCaller caller, Publication publication, HttpServletRequest request) {
        if (!caller.appAuthenticated()) {
            userMayPublish(caller, publication);
        }
        if (policy == null) {
            return publication;
        }
        App app = caller.app();
        PublishRequest asked = new PublishRequest(app.id(), publication.event(), publication.channels(),
                publication.data(), publication.socketId(), Callers.of(request, caller.user()));
        PublishVerdict verdict;
        try {
            verdict = policy.review(asked);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Publish policy " + policy.getClass().getName() + " failed on " + publication.event(), e);
            throw new ApiException(500, "The publish policy failed on " + publication.event() + "; see the server log");
        }
        if (verdict == null || !verdict.allowed()) {
            String message = verdict == null ? null : verdict.message();
            throw new ApiException(403, message != null ? message : "Refused by the publish policy: "
                    + publication.event());
        }
        return verdict.publish() == null || verdict.publish().equals(asked) ? publication
                : rewritten(verdict.publish(), publication, app);
    }

    private void userMayPublish(ApiCaller caller, Publication publication) {
        if (settings.authPolicy() != AuthPolicyMode.JWT) {
            throw new ApiException(401, "A user token alone cannot publish under SOCKET_AUTH_POLICY="
                    + settings.authPolicy().name().toLowerCase() + ": sign the request or send the app secret");
        }
        Optional<ChannelPatterns> allowed = caller.user().patterns("publish");
        if (allowed.isEmpty()) {
            throw new ApiException(403, "Token has no publish claim: a user token publishes only to the channels"
                    + " its publish claim lists");
        }
        for (String channel : publication.channels()) {
            if (!allowed.get().matches(channel)) {
                throw new ApiException(403, "Token may not publish to " + channel
                        + ": no pattern of its publish claim matches");
            }
        }
    }

    /** What the policy asked for, through the same checks as a request: a bad rewrite is a server-side bug. */
    private static Publication rewritten(PublishRequest publish, Publication original, App app) {
        JsonObjectBuilder object = JsonText.JSON.createObjectBuilder();
        if (publish.event() != null) {
            object.add("name", publish.event());
        }
        var channels = JsonText.JSON.createArrayBuilder();
        publish.channels().forEach(channels::add);
        object.add("channels", channels);
        if (publish.data() != null) {
            object.add("data", publish.data());
        }
        if (publish.socketId() != null) {
            object.add("socket_id", publish.socketId());
        }
        try {
            Publication checked = Publication.from(object.build(), app.limits());
            return new Publication(checked.event(), checked.channels(), checked.data(), checked.socketId(),
                    original.info());
        } catch (ApiException e) {
            throw new ApiException(500, "The publish policy rewrote the event into an invalid one: " + e.getMessage());
        }
    }
}
