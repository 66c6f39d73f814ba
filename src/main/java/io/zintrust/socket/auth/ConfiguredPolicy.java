package io.zintrust.socket.auth;

import io.zintrust.socket.apps.AuthSettings;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.identity.Tokens;
import io.zintrust.socket.plugins.CustomPolicies;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import java.lang.System.Logger.Level;
import java.net.http.HttpClient;

/** Turns {@code SOCKET_AUTH_POLICY} into the policy bean, and says at startup what it lets through. */
@ApplicationScoped
public class ConfiguredPolicy {

    private static final System.Logger LOG = System.getLogger(ConfiguredPolicy.class.getName());

    static final String DENIED = "Channel authorization is disabled by SOCKET_AUTH_POLICY=deny:"
            + " sign subscriptions in your application backend, or choose SOCKET_AUTH_POLICY=jwt, url or custom";
    static final String NO_AUTHORIZER = "SOCKET_AUTH_POLICY=custom but no io.zintrust.socket.policy.ChannelAuthorizer"
            + " is installed: add your policy jar with --addlibs";

    // the url policy's calls run on the container's executor, not on threads of their own
    @Resource
    ManagedExecutorService executor;

    @Produces
    @ApplicationScoped
    AuthPolicy policy(SocketSettings settings, Tokens tokens, CustomPolicies custom) {
        AuthSettings auth = settings.auth();
        return switch (auth.mode()) {
            case ALLOW -> request -> AuthDecision.allow();
            case DENY -> request -> AuthDecision.deny(DENIED);
            case JWT -> new JwtPolicy(tokens);
            // HTTP/1.1 as app servers speak it: the client's default (HTTP/2) sends an h2c upgrade offer over
            // plain http, which app servers decline
            case URL -> new UrlPolicy(auth.url(), auth.urlTimeout(), HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(auth.urlTimeout()).executor(executor).build());
            case CUSTOM -> custom.authorizer().<AuthPolicy>map(authorizer -> new CustomPolicy(authorizer, tokens))
                    .orElse(request -> AuthDecision.deny(NO_AUTHORIZER));
        };
    }

    void announce(@Observes @Initialized(ApplicationScoped.class) Object ignored, SocketSettings settings,
                  CustomPolicies custom, AuthPolicy policy) {
        switch (settings.auth().mode()) {
            case ALLOW -> LOG.log(Level.WARNING, "SOCKET_AUTH_POLICY=allow: anyone may join any private or presence"
                    + " channel and sign in as anyone. For development only.");
            case URL -> LOG.log(Level.INFO, "Channel authorization asks " + settings.auth().url() + " (timeout "
                    + settings.auth().urlTimeout().toMillis() + " ms)");
            case CUSTOM -> LOG.log(custom.authorizer().isPresent() ? Level.INFO : Level.WARNING,
                    custom.authorizerClass().map(a -> "Channel authorization by " + a).orElse(NO_AUTHORIZER)
                            + custom.publishPolicyClass().map(p -> "; publish policy " + p).orElse(""));
            default -> {
            }
        }
    }
}
