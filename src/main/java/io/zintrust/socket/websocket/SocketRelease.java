package io.zintrust.socket.websocket;

import io.zintrust.socket.channel.Subscriptions;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Releases a closed socket's state, once: out of the table, out of every channel, signed out. */
@ApplicationScoped
class SocketRelease {

    @Inject
    ConnectionTable table;
    @Inject
    Subscriptions subscriptions;
    @Inject
    UserDirectory users;

    private final java.util.concurrent.atomic.AtomicInteger underway = new java.util.concurrent.atomic.AtomicInteger();

    public void release(Connection connection) {
        underway.incrementAndGet();
        try {
            connection.markGone();
            if (table.remove(connection)) {
                subscriptions.leaveAll(connection);
                users.signOut(connection);
            }
        } finally {
            underway.decrementAndGet();
        }
    }

    /** Releases running now on any thread (a graceful stop waits for them before the grid goes). */
    int underway() {
        return underway.get();
    }
}
