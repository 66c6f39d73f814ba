package io.zintrust.socket.apps;

/**
 * The effective server configuration, read once at startup.
 *
 * @param enabled             false answers 503 on every socket and publish route
 * @param transport           fan-out scope
 * @param path                websocket base path, e.g. {@code /app}
 * @param activityTimeout     seconds of silence before the server pings a client
 * @param pongTimeout         seconds a pinged client has to answer before close 4201
 * @param auth                who decides channel authorization, user sign-in and publish rules
 * @param clientEvents        whether {@code client-*} events are accepted
 * @param outboundQueueLimit  frames that may wait for one slow socket before it is closed with 4100
 * @param maxConnections      sockets this server accepts in all (-1: no limit); more are closed with 4100
 * @param directWrites        write pre-encoded frames straight to Tyrus's socket writer when the container is
 *                            Payara's Tyrus (false: the portable {@code RemoteEndpoint.Async} path)
 * @param apps                the applications served; the first is the default (empty while disabled)
 * @param corsOrigins         origins whose browser pages may call the HTTP routes ({@code SOCKET_CORS_ORIGINS}):
 *                            {@code *} alone, or each as {@code scheme://host[:port]}; empty: no CORS headers
 * @param webhooks            how webhooks are batched, timed out, retried and bounded
 * @param shutdownGrace       seconds a graceful stop may take in all: sockets told 4200, webhooks flushed
 * @param console             whether the debug console is served at {@code /console}
 */
public record SocketSettings(boolean enabled, Transport transport, String path, int activityTimeout,
                             int pongTimeout, AuthSettings auth, boolean clientEvents,
                             int outboundQueueLimit, int maxConnections, boolean directWrites,
                             java.util.List<App> apps, java.util.List<String> corsOrigins,
                             WebhookSettings webhooks, int shutdownGrace,
                             boolean console) {

    public AuthPolicyMode authPolicy() {
        return auth.mode();
    }

    /** The default app: the one from the environment, or the first of the apps file; null when none. */
    public App app() {
        return apps.isEmpty() ? null : apps.get(0);
    }

    /**
     * The error every socket and publish route answers with while this server is disabled. (A missing
     * data grid under SOCKET_TRANSPORT=cluster is found at startup: see {@link Availability}.)
     */
    public java.util.Optional<String> unavailable() {
        if (!enabled) {
            return java.util.Optional.of("Socket server is disabled (SOCKET_ENABLED=false)");
        }
        return java.util.Optional.empty();
    }

    /** One line for the startup log; the secret is masked. */
    public String describe() {
        return "enabled=" + enabled + ", transport=" + transport.name().toLowerCase()
                + ", path=" + path + ", activityTimeout=" + activityTimeout + "s, pongTimeout=" + pongTimeout
                + "s, authPolicy=" + auth.mode().name().toLowerCase()
                + (auth.url() == null ? "" : ", authUrl=" + auth.url() + " (" + auth.urlTimeout().toMillis() + " ms)")
                + (auth.verifiesTokens() ? ", jwtIssuer=" + (auth.jwt().issuer() == null ? "any" : auth.jwt().issuer())
                        : "")
                + ", clientEvents=" + clientEvents
                + ", outboundQueueLimit=" + outboundQueueLimit
                + (maxConnections < 0 ? "" : ", maxConnections=" + maxConnections)
                + ", shutdownGrace=" + shutdownGrace + "s"
                + (console ? ", console=on" : "")
                + (directWrites ? "" : ", directWrites=false")
                + (apps.isEmpty() ? ", app=none" : apps.size() == 1
                        ? ", appId=" + app().id() + ", appKey=" + app().key() + ", appSecret=" + app().maskedSecret()
                        : ", apps=" + apps.stream().map(a -> a.id() + (a.enabled() ? "" : "(disabled)"))
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")))
                + (corsOrigins.isEmpty() ? "" : ", corsOrigins=" + String.join(",", corsOrigins))
                + (apps.stream().anyMatch(a -> !a.webhooks().isEmpty()) ? ", webhookTargets="
                        + apps.stream().mapToInt(a -> a.webhooks().size()).sum() + ", " + webhooks.describe() : "");
    }
}
