package io.zintrust.socket.plugins;

import io.zintrust.socket.policy.ChannelAuthorizer;
import io.zintrust.socket.policy.PublishPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;

/** The app's own policy beans for {@code SOCKET_AUTH_POLICY=custom}, if any were installed. */
@ApplicationScoped
public class CustomPolicies {

    @Inject
    @Any
    Instance<ChannelAuthorizer> authorizers;
    @Inject
    @Any
    Instance<PublishPolicy> publishPolicies;

    public Optional<ChannelAuthorizer> authorizer() {
        return authorizers.stream().findFirst();
    }

    public Optional<PublishPolicy> publishPolicy() {
        return publishPolicies.stream().findFirst();
    }
}
