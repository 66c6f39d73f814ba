package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.lifecycle.Progress;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.schedule.Ticks;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;

/**
 * Enforces sign-in deadlines of apps with user authentication (4009) and finds silent sockets: after
 * {@code activity_timeout} without a frame the server sends
 * {@code pusher:ping}; without any answer within the pong timeout it closes with 4201. The container
 * answers RFC 6455 pings itself, so only our own probe can tell a live client from a dead one.
 */
@ApplicationScoped
public class Heartbeat {

    @Inject
    SocketSettings settings;
    @Inject
    ConnectionTable table;
    @Inject
    UserDirectory users;
    @Inject
    SocketRelease release;
    @Inject
    Ticks ticks;
    @Inject
    Progress progress;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (settings.enabled()) {
            progress.heartbeatStarted();
            ticks.everySecond("Heartbeat sweep", this::checkConnections);
        }
    }

    private void checkConnections() {
        long now = System.nanoTime();
        long idleLimit = TimeUnit.SECONDS.toNanos(settings.activityTimeout());
        long pongLimit = TimeUnit.SECONDS.toNanos(settings.pongTimeout());
        for (ClientSocket socket : table.all()) {
            if (!(socket instanceof Connection connection)) {
                continue;
            }
            try {
                check(connection, now, idleLimit, pongLimit);
            } catch (RuntimeException e) {
                System.getLogger(Heartbeat.class.getName()).log(System.Logger.Level.WARNING,
                        "Heartbeat check of socket " + connection.socketId() + " failed", e);
            }
        }
        progress.heartbeat();
    }

    private void check(Connection connection, long now, long idleLimit, long pongLimit) {
        if (connection.isClosing()) {
            // closed by us, or found dead by a failed write: the container may never report the
            // close (a client that vanishes mid-write), so its channels are released here
            release.release(connection);
            return;
        }
        var features = connection.app().features();
        if (features.userAuthentication() && users.userOf(connection) == null
                && now - connection.connectedAtNanos() >= TimeUnit.SECONDS.toNanos(features.signinDeadline())) {
            connection.closeWith(ErrorCode.UNAUTHORIZED, "Unauthorized: this app requires signing in within "
                    + features.signinDeadline() + " seconds of connecting");
            return;
        }
        long pingedAt = connection.pingSentNanos();
        if (pingedAt != 0) {
            if (now - pingedAt >= pongLimit) {
                connection.closeWith(ErrorCode.PONG_NOT_RECEIVED,
                        "Pong reply not received within " + settings.pongTimeout() + " seconds");
            }
        } else if (now - connection.lastSeenNanos() >= idleLimit) {
            connection.pinged(now);
            connection.send(Frames.PING);
        }

    }
}
