package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.EnvironmentSettings;
import io.zintrust.socket.apps.InvalidConfigurationException;
import io.zintrust.socket.apps.SocketSettings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;

/**
 * Deploys the Pusher endpoint at the configured {@code SOCKET_PATH}, which an annotation could not do.
 * A server that cannot serve deploys no endpoint, so upgrades reach {@link PlainHttpGuard} and get 503.
 */
public class SocketEndpoints implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        SocketSettings settings;
        try {
            settings = EnvironmentSettings.load();
        } catch (InvalidConfigurationException e) {
            return Set.of(); // the CDI startup check fails the deployment with the message
        }
        if (settings.unavailable().isPresent()) {
            return Set.of();
        }
        return Set.of(ServerEndpointConfig.Builder.create(PusherEndpoint.class, settings.path() + "/{appKey}")
                .configurator(new SharedInstance())
                .build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }

    /** Hands every handshake the same stateless endpoint, wired to the CDI protocol bean. */
    static final class SharedInstance extends ServerEndpointConfig.Configurator {

        private volatile PusherEndpoint endpoint;

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            PusherEndpoint current = endpoint;
            if (current == null) {
                current = new PusherEndpoint(CDI.current().select(PusherProtocol.class).get());
                endpoint = current;
            }
            return endpointClass.cast(current);
        }
    }
}
