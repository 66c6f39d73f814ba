package io.zintrust.socket.container.payara;

import io.zintrust.socket.container.ClientFault;

import java.util.Optional;

/** Tyrus's websocket exceptions that mean the client sent something wrong, told apart by class name. */
public final class TyrusErrors {

    private TyrusErrors() {
    }

    public static Optional<ClientFault> faultOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            switch (type.getName()) {
                case "org.glassfish.tyrus.core.MessageTooBigException":
                    return Optional.of(ClientFault.MESSAGE_TOO_BIG);
                case "org.glassfish.tyrus.core.WebSocketException":
                    return Optional.of(ClientFault.UNDECODABLE);
                default:
                    // look at the superclass
            }
        }
        return Optional.empty();
    }
}
