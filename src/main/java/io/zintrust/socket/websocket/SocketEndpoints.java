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

    /**
     * The endpoint the application built once it had started ({@link SocketOpening}); handshakes reach
     * it only after that, as the plain-HTTP guard answers upgrades with 503 while the server starts.
     */
    private static volatile PusherEndpoint opened;

    static void open(PusherEndpoint endpoint) {
        opened = endpoint;
    }

    /** Hands every handshake the same stateless endpoint, wired to the CDI protocol bean. */
    static final class SharedInstance extends ServerEndpointConfig.Configurator {

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            PusherEndpoint current = opened;
            if (current == null) {
                // not reached through the guard (another container's filter order): built here, and any
                // failure said in the log rather than only as the container's bare 500
                try {
                    current = new PusherEndpoint(CDI.current().select(PusherProtocol.class).get());
                } catch (RuntimeException e) {
                    System.getLogger(SocketEndpoints.class.getName()).log(System.Logger.Level.WARNING,
                            "The websocket endpoint is not ready for a handshake", e);
                    InstantiationException failed = new InstantiationException("Websocket endpoint not ready: " + e);
                    failed.initCause(e);
                    throw failed;
                }
                opened = current;
            }
            return endpointClass.cast(current);
        }
    }
}
