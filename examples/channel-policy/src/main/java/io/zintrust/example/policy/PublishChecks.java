package io.zintrust.example.policy;

import io.zintrust.socket.policy.PublishPolicy;
import io.zintrust.socket.policy.PublishRequest;
import io.zintrust.socket.policy.PublishVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * What a publish may do: an {@code admin.*} event needs an authenticated caller (a user's bearer token
 * beside the app's signature or secret); an event whose name ends in {@code .shout} (the setting
 * {@code EXAMPLE_SHOUT_SUFFIX}) is delivered with its data upper-cased; everything else as sent.
 */
@ApplicationScoped
public class PublishChecks implements PublishPolicy {

    static final String ADMIN_NEEDS_USER = "Admin publish requires an authenticated user.";

    // injected like in any bean of the application: the server makes this class one
    @Inject
    @ConfigProperty(name = "example.shout.suffix", defaultValue = ".shout")
    String shoutSuffix;

    @Override
    public PublishVerdict review(PublishRequest request) {
        if (request.event().startsWith("admin.") && !request.caller().authenticated()) {
            return PublishVerdict.refuse(ADMIN_NEEDS_USER);
        }
        if (request.event().endsWith(shoutSuffix)) {
            return PublishVerdict.rewrite(request.withData(request.data().toUpperCase(Locale.ROOT)));
        }
        return PublishVerdict.allow();
    }
}
