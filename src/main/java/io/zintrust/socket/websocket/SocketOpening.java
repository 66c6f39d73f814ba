package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.Availability;
import io.zintrust.socket.lifecycle.ServingState;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;

/**
 * Opens the websocket door last, once every other startup observer (timers, the cluster topic, the
 * session timers) has run: the endpoint is built here, eagerly, and only then do upgrades get through.
 * Before, Payara could answer the first handshakes while the protocol's beans were still being created,
 * and a failure there became a silent HTTP 500.
 */
@ApplicationScoped
class SocketOpening {

    private static final System.Logger LOG = System.getLogger(SocketOpening.class.getName());
    /** After the application's and the platform's own observers (Interceptor.Priority.PLATFORM_AFTER is 4000). */
    static final int LAST = 5000;

    @Inject
    PusherProtocol protocol;
    @Inject
    Availability availability;
    @Inject
    ServingState serving;

    void open(@Observes @Priority(LAST) @Initialized(ApplicationScoped.class) Object started) {
        if (availability.refusal().isPresent()) {
            return; // no endpoint is deployed; the guard answers 503 with the reason
        }
        SocketEndpoints.open(new PusherEndpoint(protocol));
        serving.open();
        LOG.log(Level.INFO, "ZinTrust Socket is taking websocket connections");
    }
}
