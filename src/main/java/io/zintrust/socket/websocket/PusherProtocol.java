package io.zintrust.socket.websocket;

import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.protocol.ProtocolException;
import io.zintrust.socket.schedule.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Speaks the Pusher websocket protocol for every socket: admission, then each client frame decoded and
 * handed to the handler of its kind. Every refusal is answered with a {@code pusher:error} or a
 * channel-scoped {@code pusher:subscription_error}; nothing a client sends can throw into the container.
 */
@ApplicationScoped
public class PusherProtocol {

    private static final System.Logger LOG = System.getLogger(PusherProtocol.class.getName());

    @Inject
    SocketAdmission admission;
    @Inject
    SocketRelease release;
    @Inject
    SubscribeHandler subscribe;
    @Inject
    UnsubscribeHandler unsubscribe;
    @Inject
    SigninHandler signin;
    @Inject
    ClientEventHandler clientEvent;
    @Inject
    BadInput badInput;
    @Inject
    Workers workers;

    public Optional<Connection> open(Session session, String appKey, String protocol) {
        return admission.open(session, appKey, protocol);
    }

    public void welcome(Connection connection) {
        admission.welcome(connection);
    }

    public void onText(Connection connection, String text) {
        connection.seen();
        try {
            InboundFrame frame = InboundFrame.parse(text);
            handlerOf(frame.event()).handle(connection, frame);
        } catch (ProtocolException e) {
            badInput.record(e.code() == ErrorCode.CLIENT_EVENT_REJECTED ? BadInput.Kind.REJECTED_CLIENT_EVENT
                    : BadInput.Kind.MALFORMED_FRAME, connection.app(), connection.socketId(), e.getMessage());
            connection.send(Frames.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected failure handling a frame of socket " + connection.socketId(), e);
            connection.send(Frames.error(ErrorCode.BAD_MESSAGE, "Internal error while handling the frame"));
        }
    }

    private FrameHandler handlerOf(String event) {
        return switch (event) {
            case "pusher:ping" -> PING;
            case "pusher:pong" -> PONG;
            case "pusher:subscribe" -> subscribe;
            case "pusher:unsubscribe" -> unsubscribe;
            case "pusher:signin" -> signin;
            default -> event.startsWith("client-") ? clientEvent : UNSUPPORTED;
        };
    }

    private static final FrameHandler PING = (connection, frame) -> connection.send(Frames.PONG);
    /** seen() already cleared the outstanding server ping. */
    private static final FrameHandler PONG = (connection, frame) -> {
    };
    private static final FrameHandler UNSUPPORTED = (connection, frame) -> {
        throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Unsupported event: " + frame.event());
    };

    public void onBinary(Connection connection) {
        connection.seen();
        badInput.record(BadInput.Kind.MALFORMED_FRAME, connection.app(), connection.socketId(), "a binary frame");
        connection.send(Frames.error(ErrorCode.BAD_MESSAGE, "Binary frames are not supported: send JSON text frames"));
    }

    /**
     * An error the container reports for a socket: what the client sent (a message over the buffer, a
     * protocol violation) is bad input, counted in one DEBUG line; transport errors end in onClose; the
     * rest is a fault worth a WARNING with its stack trace.
     */
    public void onError(Session session, Throwable error) {
        BadInput.Kind kind = BadInput.kindOf(error);
        if (kind != null) {
            badInput.record(kind, session.getId(), error.toString());
        } else if (!(error instanceof IOException)) {
            LOG.log(Level.WARNING, "Websocket error on session " + session.getId(), error);
        }
    }

    /**
     * Releases the socket's state on a worker: onClose can arrive inside a failing write, with the
     * container's locks held, and leaving channels writes to other sockets.
     */
    public void onClose(Connection connection) {
        connection.markGone();
        workers.execute(() -> release.release(connection));
    }
}
