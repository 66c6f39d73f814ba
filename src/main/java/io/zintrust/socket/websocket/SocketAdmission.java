package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.container.ContainerAccess;
import io.zintrust.socket.container.FrameSink;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.SocketIds;
import io.zintrust.socket.schedule.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Admits a new socket: a known, enabled app, a protocol version this server speaks, room under the
 * app's and the server's connection limits. A refused socket gets {@code pusher:error} and a close with
 * the same code.
 */
@ApplicationScoped
class SocketAdmission {

    private static final System.Logger LOG = System.getLogger(SocketAdmission.class.getName());
    private static final int MIN_PROTOCOL = 5;
    private static final int MAX_PROTOCOL = 7;

    @Inject
    SocketSettings settings;
    @Inject
    Apps apps;
    @Inject
    ConnectionTable table;
    @Inject
    Workers workers;

    /**
     * The admitted connection, or empty after closing a socket that may not connect. The caller attaches
     * its handlers, then calls {@link #welcome}: a client answers connection_established at once, and its
     * frames must find the handlers in place.
     */
    public Optional<Connection> open(Session session, String appKey, String protocol) {
        Optional<App> app = apps.byKey(appKey);
        if (app.isEmpty()) {
            return refuse(session, ErrorCode.APP_NOT_FOUND, "Application does not exist: unknown app key " + appKey);
        }
        if (!app.get().enabled()) {
            return refuse(session, ErrorCode.APP_DISABLED, "Application disabled: app " + app.get().id() + " is disabled");
        }
        if (protocol != null) {
            int version;
            try {
                version = Integer.parseInt(protocol);
            } catch (NumberFormatException e) {
                return refuse(session, ErrorCode.INVALID_VERSION_FORMAT,
                        "Invalid version string format: protocol must be a number");
            }
            if (version < MIN_PROTOCOL || version > MAX_PROTOCOL) {
                return refuse(session, ErrorCode.UNSUPPORTED_PROTOCOL, "Unsupported protocol version " + version
                        + ": this server speaks " + MIN_PROTOCOL + " to " + MAX_PROTOCOL);
            }
        }
        FrameSink sink = ContainerAccess.sinkFor(session, settings.directWrites());
        while (true) {
            Connection connection = new Connection(SocketIds.next(), app.get(), session, sink,
                    settings.outboundQueueLimit(), workers);
            switch (table.admit(connection, settings.maxConnections())) {
                case ADMITTED -> {
                    // a frame may hold an event of the app's largest size, JSON-escaped, and its envelope
                    session.setMaxTextMessageBufferSize(Math.max(64 * 1024, 2 * app.get().limits().maxEventBytes()));
                    return Optional.of(connection);
                }
                case APP_FULL -> {
                    return refuse(session, ErrorCode.OVER_QUOTA, "Application over connection quota: at most "
                            + app.get().limits().maxConnections() + " connections");
                }
                case SERVER_FULL -> {
                    return refuse(session, ErrorCode.OVER_CAPACITY, "Over capacity: this server holds at most "
                            + settings.maxConnections() + " connections (SOCKET_MAX_CONNECTIONS); retry later");
                }
                case ID_TAKEN -> {
                    // draw another id
                }
            }
        }
    }

    public void welcome(Connection connection) {
        connection.send(Frames.connectionEstablished(connection.socketId(), settings.activityTimeout()));
    }

    private static Optional<Connection> refuse(Session session, ErrorCode code, String message) {
        try {
            session.getBasicRemote().sendText(Frames.error(code, message));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), code.name()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Refused socket went away first: " + e);
        }
        return Optional.empty();
    }
}
