package io.zintrust.socket.connections;

import io.zintrust.socket.activity.Activities;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ConnectionTable} wired outside CDI, for the tests of this package and of the packages above it. */
public final class ConnectionFixture {

    private ConnectionFixture() {
    }

    public static ConnectionTable table(Activities activities, RemoteConnections remote) {
        ConnectionTable table = new ConnectionTable();
        table.activities = activities;
        table.remote = remote;
        return table;
    }

    /** Other instances' sockets per app id, as the test sets them; none by default (running alone). */
    public static final class Elsewhere implements RemoteConnections {
        public final Map<String, Integer> counts = new ConcurrentHashMap<>();

        @Override
        public int elsewhere(String appId) {
            return counts.getOrDefault(appId, 0);
        }
    }
}
