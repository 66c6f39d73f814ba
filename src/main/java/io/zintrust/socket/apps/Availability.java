package io.zintrust.socket.apps;

import java.util.Optional;

/**
 * Whether this server can serve sockets and publishes at all: not when disabled, nor when the
 * configured transport is missing (SOCKET_TRANSPORT=cluster without a data grid). The boundaries ask
 * it on every request and answer 503 with the reason; the transport's detection provides it.
 */
public interface Availability {

    /** Why every socket and publish must be refused, if so. */
    Optional<String> refusal();

    /** Whether this instance serves as one of a data grid cluster (false alone). */
    default boolean clustered() {
        return false;
    }
}
