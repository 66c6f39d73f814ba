package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.channel.FollowUps;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.container.ContainerAccess;
import io.zintrust.socket.lifecycle.Draining;
import io.zintrust.socket.lifecycle.ServingState;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The graceful stop, when the process is signalled: readiness goes DOWN and new sockets get 503, every
 * socket gets {@code pusher:error} 4200 and a close 4200 (Pusher clients reconnect at once, through the
 * load balancer to another instance), each socket's channels and presence memberships are released
 * while the data grid is still up (so the other instances drop its members now, not after failure
 * detection), then webhooks and the cluster finish ({@link Draining}). All within SOCKET_SHUTDOWN_GRACE_S.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final System.Logger LOG = System.getLogger(ShutdownDrain.class.getName());
    static final String REASON = "Server is shutting down: reconnect";

    @Inject
    SocketSettings settings;
    @Inject
    ServingState serving;
    @Inject
    ConnectionTable table;
    @Inject
    SocketRelease release;
    @Inject
    FollowUps followUps;
    @Inject
    UserDirectory users;
    @Inject
    Event<Draining> draining;

    void arm(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ContainerAccess.onTermination(this::drain, TimeUnit.SECONDS.toMillis(settings.shutdownGrace()));
    }

    /** Runs the stop once; later calls return at once. */
    public void drain() {
        if (!serving.drain()) {
            return;
        }
        long started = System.currentTimeMillis();
        long deadline = started + TimeUnit.SECONDS.toMillis(settings.shutdownGrace());
        List<Connection> open = new ArrayList<>();
        for (ClientSocket socket : table.all()) {
            if (socket instanceof Connection connection) {
                open.add(connection);
            }
        }
        LOG.log(Level.INFO, "ZinTrust Socket stopping: telling " + open.size() + " socket(s) to reconnect (4200), "
                + settings.shutdownGrace() + " s at most");
        open.forEach(connection -> connection.closeWith(ErrorCode.RECONNECT, REASON));
        // most clients answer the close within milliseconds; whoever has not by half the grace is released here
        long closesBy = started + (deadline - started) / 2;
        while (!table.all().isEmpty() && System.currentTimeMillis() < closesBy && pause()) {
            // waiting for the clients' close frames
        }
        int unanswered = 0;
        for (Connection connection : open) {
            if (!connection.isGone()) {
                unanswered++;
            }
            try {
                release.release(connection);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Releasing socket " + connection.socketId() + " during the stop failed", e);
            }
        }
        // a release another thread began (the container's onClose) may still be talking to the data grid:
        // the grid must not go before its follow-ups are done, or a presence lock could be left behind
        while (!(release.underway() == 0 && followUps.settled() && users.settled())
                && System.currentTimeMillis() < deadline && pause()) {
            // waiting for follow-ups
        }
        try {
            draining.fire(new Draining(deadline));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Finishing webhooks or the cluster during the stop failed", e);
        }
        LOG.log(Level.INFO, "ZinTrust Socket stopped taking part in " + (System.currentTimeMillis() - started)
                + " ms" + (unanswered == 0 ? "" : "; " + unanswered + " socket(s) had not answered the close"));
    }

    private static boolean pause() {
        try {
            Thread.sleep(10);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
