package io.zintrust.socket.apps;

/** One Pusher application: the id used by the HTTP API, the public key used by sockets, the signing secret. */
public record App(String id, String key, String secret) {

    /** The secret with all but its first two characters hidden, for logs. */
    public String maskedSecret() {
        if (secret.length() <= 2) {
            return "***";
        }
        return secret.substring(0, 2) + "*".repeat(Math.min(8, secret.length() - 2));
    }
}
