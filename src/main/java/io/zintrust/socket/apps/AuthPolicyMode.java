package io.zintrust.socket.apps;

/** Who decides {@code POST /broadcasting/auth}, {@code /broadcasting/user-auth} and the publish rules. */
public enum AuthPolicyMode {
    /** Refuse every request: subscriptions are signed by the app's own backend. */
    DENY,
    /** Sign anything for anyone: development only. */
    ALLOW,
    /** The caller's verified {@code Authorization: Bearer} JWT and its claims. */
    JWT,
    /** Ask the app over HTTP ({@code SOCKET_AUTH_URL}). */
    URL,
    /** The app's {@code io.zintrust.socket.policy} beans from a jar given with {@code --addlibs}. */
    CUSTOM
}
