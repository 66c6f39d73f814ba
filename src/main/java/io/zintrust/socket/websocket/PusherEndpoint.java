package io.zintrust.socket.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The websocket endpoint at {@code {SOCKET_PATH}/{appKey}}. One stateless instance serves every socket;
 * it only hands events to {@link PusherProtocol}.
 */
public class PusherEndpoint extends Endpoint {

    private static final String CONNECTION = Connection.class.getName();

    private final PusherProtocol protocol;

    public PusherEndpoint(PusherProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        List<String> versions = session.getRequestParameterMap().get("protocol");
        String version = versions == null || versions.isEmpty() ? null : versions.get(0);
        protocol.open(session, session.getPathParameters().get("appKey"), version).ifPresent(connection -> {
            session.getUserProperties().put(CONNECTION, connection);
            session.addMessageHandler(String.class, text -> protocol.onText(connection, text));
            session.addMessageHandler(ByteBuffer.class, bytes -> protocol.onBinary(connection));
            protocol.welcome(connection);
        });
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (session.getUserProperties().get(CONNECTION) instanceof Connection connection) {
            connection.closedWith(closeReason.getCloseCode().getCode());
            protocol.onClose(connection);
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        protocol.onError(session, thr);
    }
}
