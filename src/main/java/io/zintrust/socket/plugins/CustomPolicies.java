package io.zintrust.socket.plugins;

import io.zintrust.socket.apps.InvalidConfigurationException;
import io.zintrust.socket.policy.ChannelAuthorizer;
import io.zintrust.socket.policy.PublishPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The app's own policy beans for {@code SOCKET_AUTH_POLICY=custom}, if any were installed: at most one
 * {@link ChannelAuthorizer} and one {@link PublishPolicy}. Two of a kind, or a listed class that is not
 * usable ({@link PolicyBeans#problems()}), stop the deployment the first time a custom server asks,
 * at startup: rules that silently chose one of two, or ran without one, would be worse.
 */
@ApplicationScoped
public class CustomPolicies {

    private static final System.Logger LOG = System.getLogger(CustomPolicies.class.getName());

    @Inject
    @Any
    Instance<ChannelAuthorizer> authorizers;
    @Inject
    @Any
    Instance<PublishPolicy> publishPolicies;
    @Inject
    PolicyBeans listed;

    private Optional<Installed<ChannelAuthorizer>> authorizer;
    private Optional<Installed<PublishPolicy>> publishPolicy;

    /** An installed policy: the bean (a CDI proxy for a normal scope) and its class, for the logs. */
    private record Installed<T>(T policy, String className) {
    }

    public Optional<ChannelAuthorizer> authorizer() {
        return resolved().authorizer.map(Installed::policy);
    }

    public Optional<PublishPolicy> publishPolicy() {
        return resolved().publishPolicy.map(Installed::policy);
    }

    public Optional<String> authorizerClass() {
        return resolved().authorizer.map(Installed::className);
    }

    public Optional<String> publishPolicyClass() {
        return resolved().publishPolicy.map(Installed::className);
    }

    private synchronized CustomPolicies resolved() {
        if (authorizer == null) {
            List<String> problems = listed.problems();
            if (!problems.isEmpty()) {
                throw cannotStart("SOCKET_AUTH_POLICY=custom cannot use the policy classes listed in META-INF/services: "
                        + String.join("; ", problems));
            }
            publishPolicy = only(publishPolicies, PublishPolicy.class);
            authorizer = only(authorizers, ChannelAuthorizer.class);
        }
        return this;
    }

    private static <T> Optional<Installed<T>> only(Instance<T> beans, Class<T> api) {
        List<? extends Instance.Handle<T>> handles = beans.handlesStream().toList();
        if (handles.size() > 1) {
            throw cannotStart("SOCKET_AUTH_POLICY=custom takes one " + api.getName() + "; found " + handles.size()
                    + ": " + handles.stream().map(h -> h.getBean().getBeanClass().getName()).sorted()
                    .collect(Collectors.joining(", ")) + ". Install one, or combine them in one class");
        }
        return handles.stream().findFirst()
                .map(handle -> new Installed<>(handle.get(), handle.getBean().getBeanClass().getName()));
    }

    private static InvalidConfigurationException cannotStart(String message) {
        LOG.log(Level.ERROR, "ZinTrust Socket cannot start: " + message);
        return new InvalidConfigurationException(message);
    }
}
