package io.zintrust.socket.support;

import com.pusher.rest.Pusher;

/** The app configured for the Arquillian-managed server (failsafe's environmentVariables in pom.xml). */
public final class TestApp {

    public static final String ID = "it-app";
    public static final String KEY = "it-key";
    public static final String SECRET = "it-secret";

    private TestApp() {
    }

    /** A 32-byte end-to-end encryption master key (bytes 0..31), as the app backend would hold. */
    public static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** The official Pusher server SDK pointed at our server, able to authorize encrypted channels. */
    public static Pusher pusher(Loopback server) {
        return pusher(server, ID, KEY, SECRET);
    }

    public static Pusher pusher(Loopback server, String id, String key, String secret) {
        Pusher pusher = new Pusher(id, key, secret, MASTER_KEY);
        pusher.setHost(server.hostAndPort());
        pusher.setEncrypted(false);
        return pusher;
    }
}
