package io.zintrust.socket.support;

import com.pusher.rest.Pusher;

/** The app configured for the Arquillian-managed server (failsafe's environmentVariables in pom.xml). */
public final class TestApp {

    public static final String ID = "it-app";
    public static final String KEY = "it-key";
    public static final String SECRET = "it-secret";

    private TestApp() {
    }

    /** The official Pusher server SDK pointed at our server. */
    public static Pusher pusher(Loopback server) {
        return pusher(server, ID, KEY, SECRET);
    }

    public static Pusher pusher(Loopback server, String id, String key, String secret) {
        Pusher pusher = new Pusher(id, key, secret);
        pusher.setHost(server.hostAndPort());
        pusher.setEncrypted(false);
        return pusher;
    }
}
