package io.zintrust.socket.apps;

/**
 * One Pusher application: the id used by the HTTP API, the public key used by sockets, the signing
 * secret, whether it may be used at all, its switches and limits, and where its webhooks go.
 */
public record App(String id, String key, String secret, boolean enabled, AppFeatures features, AppLimits limits,
                  java.util.List<WebhookTarget> webhooks) {

    public App {
        webhooks = java.util.List.copyOf(webhooks);
    }

    /** An app without webhooks. */
    public App(String id, String key, String secret, boolean enabled, AppFeatures features, AppLimits limits) {
        this(id, key, secret, enabled, features, limits, java.util.List.of());
    }

    /** An enabled app with Pusher's default switches and limits. */
    public App(String id, String key, String secret) {
        this(id, key, secret, true, AppFeatures.DEFAULTS, AppLimits.DEFAULTS);
    }

    /** The secret with all but its first two characters hidden, for logs. */
    public String maskedSecret() {
        if (secret.length() <= 2) {
            return "***";
        }
        return secret.substring(0, 2) + "*".repeat(Math.min(8, secret.length() - 2));
    }
}
