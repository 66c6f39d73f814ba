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

    public void release(Connection connection) {
        connection.markGone();
        if (table.remove(connection)) {
            subscriptions.leaveAll(connection);
            users.signOut(connection);
        }
    }
}
