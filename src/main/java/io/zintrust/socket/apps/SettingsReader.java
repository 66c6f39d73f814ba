package io.zintrust.socket.apps;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns environment-style variables into {@link SocketSettings}. Each setting may have aliases; the
 * first name that has a non-blank value wins. Invalid values fail fast with a message naming the
 * variable and the accepted values.
 */
public final class SettingsReader {

    static final List<String> ENABLED = List.of("SOCKET_ENABLED");
    static final List<String> TRANSPORT = List.of("SOCKET_TRANSPORT");
    static final List<String> PATH = List.of("SOCKET_PATH");
    static final List<String> APP_ID = List.of("PUSHER_APP_ID", "BROADCAST_APP_ID");
    static final List<String> APP_KEY = List.of("PUSHER_APP_KEY", "BROADCAST_AUTH_KEY", "BROADCAST_APP_KEY");
    static final List<String> APP_SECRET = List.of("PUSHER_APP_SECRET", "BROADCAST_SECRET", "BROADCAST_APP_SECRET");
    static final List<String> ACTIVITY_TIMEOUT = List.of("BROADCAST_ACTIVITY_TIMEOUT");
    static final List<String> PONG_TIMEOUT = List.of("SOCKET_PONG_TIMEOUT");
    static final List<String> AUTH_POLICY = List.of("SOCKET_AUTH_POLICY");
    static final List<String> AUTH_URL = List.of("SOCKET_AUTH_URL");
    static final List<String> AUTH_URL_TIMEOUT = List.of("SOCKET_AUTH_URL_TIMEOUT_MS");
    // MicroProfile JWT's own names; MicroProfile Config also finds them as MP_JWT_VERIFY_PUBLICKEY etc.
    static final List<String> JWT_PUBLIC_KEY = List.of("mp.jwt.verify.publickey");
    static final List<String> JWT_PUBLIC_KEY_LOCATION = List.of("mp.jwt.verify.publickey.location");
    static final List<String> JWT_ISSUER = List.of("mp.jwt.verify.issuer");
    static final List<String> JWT_CLOCK_SKEW = List.of("mp.jwt.verify.clock.skew");
    static final List<String> JWT_AUDIENCES = List.of("mp.jwt.verify.audiences");
    static final List<String> CLIENT_EVENTS = List.of("SOCKET_CLIENT_EVENTS");
    static final List<String> OUTBOUND_QUEUE = List.of("SOCKET_OUTBOUND_QUEUE_LIMIT");
    static final List<String> APPS_FILE = List.of("SOCKET_APPS_FILE");
    static final List<String> MAX_CONNECTIONS = List.of("SOCKET_MAX_CONNECTIONS");
    static final List<String> DIRECT_WRITES = List.of("SOCKET_DIRECT_WRITES");
    static final List<String> CORS_ORIGINS = List.of("SOCKET_CORS_ORIGINS");
    static final List<String> WEBHOOK_URLS = List.of("SOCKET_WEBHOOK_URLS");
    static final List<String> WEBHOOK_EVENTS = List.of("SOCKET_WEBHOOK_EVENTS");
    static final List<String> WEBHOOK_BATCH_MS = List.of("SOCKET_WEBHOOK_BATCH_MS");
    static final List<String> WEBHOOK_BATCH_SIZE = List.of("SOCKET_WEBHOOK_BATCH_SIZE");
    static final List<String> WEBHOOK_TIMEOUT_MS = List.of("SOCKET_WEBHOOK_TIMEOUT_MS");
    static final List<String> WEBHOOK_RETRY_S = List.of("SOCKET_WEBHOOK_RETRY_S");
    static final List<String> WEBHOOK_QUEUE_LIMIT = List.of("SOCKET_WEBHOOK_QUEUE_LIMIT");
    static final List<String> SHUTDOWN_GRACE = List.of("SOCKET_SHUTDOWN_GRACE_S");
    static final List<String> CONSOLE = List.of("SOCKET_CONSOLE");

    private final Function<String, Optional<String>> source;

    public SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public SocketSettings read() {
        boolean enabled = bool(ENABLED, true);
        Transport transport = transport();
        String path = path();
        int activityTimeout = positiveInt(ACTIVITY_TIMEOUT, 120, "seconds");
        int pongTimeout = positiveInt(PONG_TIMEOUT, 30, "seconds");
        AuthSettings policy = auth();
        boolean clientEvents = bool(CLIENT_EVENTS, true);
        int queueLimit = positiveInt(OUTBOUND_QUEUE, 1000, "frames");
        int maxConnections = first(MAX_CONNECTIONS).isPresent() ? positiveInt(MAX_CONNECTIONS, -1, "connections") : -1;
        boolean directWrites = bool(DIRECT_WRITES, true);
        int shutdownGrace = positiveInt(SHUTDOWN_GRACE, 10, "seconds");
        boolean console = bool(CONSOLE, false);
        List<App> apps = apps(enabled, clientEvents);
        if (policy.verifiesTokens()) {
            for (App app : apps) {
                if (app.secret().chars().filter(c -> c == '.').count() == 2) {
                    // a Bearer value with two dots is taken for a user's JWT where tokens are verified
                    throw new InvalidConfigurationException("The secret of app " + app.id() + " has two dots, the"
                            + " shape of a JWT: with SOCKET_AUTH_POLICY=" + policy.mode().name().toLowerCase()
                            + " and a token key, choose a secret with fewer or more dots");
                }
            }
        }
        return new SocketSettings(enabled, transport, path, activityTimeout, pongTimeout, policy, clientEvents,
                queueLimit, maxConnections, directWrites, apps, corsOrigins(), webhookSettings(), shutdownGrace,
                console);
    }

    private WebhookSettings webhookSettings() {
        WebhookSettings d = WebhookSettings.DEFAULTS;
        return new WebhookSettings(positiveInt(WEBHOOK_BATCH_MS, d.batchMs(), "milliseconds"),
                positiveInt(WEBHOOK_BATCH_SIZE, d.batchSize(), "events"),
                positiveInt(WEBHOOK_TIMEOUT_MS, d.timeoutMs(), "milliseconds"),
                positiveInt(WEBHOOK_RETRY_S, d.retrySeconds(), "seconds"),
                positiveInt(WEBHOOK_QUEUE_LIMIT, d.queueLimit(), "events"));
    }

    /** The webhook targets of the app from the environment: every URL gets the same event types. */
    private List<WebhookTarget> environmentWebhooks() {
        Optional<String> urls = first(WEBHOOK_URLS);
        if (urls.isEmpty()) {
            if (first(WEBHOOK_EVENTS).isPresent()) {
                throw new InvalidConfigurationException(WEBHOOK_EVENTS.get(0) + " is set without "
                        + WEBHOOK_URLS.get(0) + ", the receivers to send those events to");
            }
            return List.of();
        }
        java.util.Set<WebhookEvent> events = first(WEBHOOK_EVENTS)
                .map(value -> WebhookTargets.events(java.util.Arrays.stream(value.split(",")).map(String::trim)
                        .filter(name -> !name.isEmpty()).toList(), WEBHOOK_EVENTS.get(0)))
                .orElse(java.util.EnumSet.allOf(WebhookEvent.class));
        List<WebhookTarget> targets = new java.util.ArrayList<>();
        String[] entries = urls.get().split(",");
        for (int i = 0; i < entries.length; i++) {
            if (!entries[i].isBlank()) {
                targets.add(new WebhookTarget(WebhookTargets.url(entries[i], WEBHOOK_URLS.get(0) + " entry " + i),
                        events, java.util.Map.of(), null, null));
            }
        }
        return targets;
    }

    private AuthSettings auth() {
        AuthPolicyMode mode = choice(AUTH_POLICY, AuthPolicyMode.class, AuthPolicyMode.DENY);
        java.time.Duration timeout = java.time.Duration.ofMillis(positiveInt(AUTH_URL_TIMEOUT, 2000, "milliseconds"));
        JwtSettings jwt = new JwtSettings(first(JWT_PUBLIC_KEY).orElse(null), first(JWT_PUBLIC_KEY_LOCATION).orElse(null),
                first(JWT_ISSUER).orElse(null), first(JWT_CLOCK_SKEW).isPresent()
                ? nonNegativeInt(JWT_CLOCK_SKEW, "seconds") : JwtSettings.NONE.clockSkewSeconds(),
                first(JWT_AUDIENCES).map(value -> java.util.Arrays.stream(value.split(",")).map(String::trim)
                        .filter(audience -> !audience.isEmpty()).toList()).orElse(List.of()));
        java.net.URI url = null;
        if (mode == AuthPolicyMode.URL) {
            url = authUrl();
        }
        if (mode == AuthPolicyMode.JWT && !jwt.configured()) {
            throw new InvalidConfigurationException("SOCKET_AUTH_POLICY=jwt needs the key that verifies tokens:"
                    + " set MP_JWT_VERIFY_PUBLICKEY (PEM, JWK or JWK set) or MP_JWT_VERIFY_PUBLICKEY_LOCATION"
                    + " (file or URL), and MP_JWT_VERIFY_ISSUER");
        }
        return new AuthSettings(mode, url, timeout, jwt);
    }

    private java.net.URI authUrl() {
        String value = first(AUTH_URL).orElseThrow(() -> new InvalidConfigurationException(
                "SOCKET_AUTH_POLICY=url needs SOCKET_AUTH_URL, the app endpoint that decides,"
                        + " e.g. http://127.0.0.1:8000/socket/authorize"));
        try {
            java.net.URI url = new java.net.URI(value);
            if (("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    && url.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        throw new InvalidConfigurationException("SOCKET_AUTH_URL must be an http:// or https:// URL; got '"
                + value + "'");
    }

    private int nonNegativeInt(List<String> names, String unit) {
        String value = first(names).orElseThrow();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidConfigurationException(
                names.get(0) + " accepts a whole number of " + unit + ", 0 or more; got '" + value + "'");
    }

    private List<App> apps(boolean enabled, boolean clientEvents) {
        Optional<String> file = first(APPS_FILE);
        if (file.isPresent()) {
            if (first(WEBHOOK_URLS).isPresent() || first(WEBHOOK_EVENTS).isPresent()) {
                // which of the file's apps they would be for is anyone's guess
                throw new InvalidConfigurationException(WEBHOOK_URLS.get(0) + " and " + WEBHOOK_EVENTS.get(0)
                        + " configure the app of the PUSHER_APP_* variables; with SOCKET_APPS_FILE give each app"
                        + " its \"webhooks\" instead");
            }
            return new AppsFile(java.nio.file.Path.of(file.get()), clientEvents).read();
        }
        App app = app(enabled);
        if (app == null) {
            return List.of();
        }
        return List.of(new App(app.id(), app.key(), app.secret(), true,
                AppFeatures.DEFAULTS.withClientEvents(clientEvents), AppLimits.DEFAULTS, environmentWebhooks()));
    }

    private App app(boolean enabled) {
        Optional<String> id = first(APP_ID);
        Optional<String> key = first(APP_KEY);
        Optional<String> secret = first(APP_SECRET);
        if (!enabled && (id.isEmpty() || key.isEmpty() || secret.isEmpty())) {
            return null;
        }
        return new App(required(APP_ID, id), required(APP_KEY, key), required(APP_SECRET, secret));
    }

    private static String required(List<String> names, Optional<String> value) {
        return value.orElseThrow(() -> new InvalidConfigurationException(
                names.get(0) + " is required while the socket server is enabled (also read from "
                        + String.join(", ", names.subList(1, names.size())) + ")"));
    }

    private Transport transport() {
        // the Node package's Durable Object transport: say what plays its part here, not just the values
        if (first(TRANSPORT).filter("cloudflare"::equalsIgnoreCase).isPresent()) {
            throw new InvalidConfigurationException("SOCKET_TRANSPORT=cloudflare is the Node package's Durable"
                    + " Object transport; on this server set SOCKET_TRANSPORT=cluster (Payara Micro's data grid)"
                    + " or auto");
        }
        return choice(TRANSPORT, Transport.class, Transport.AUTO);
    }

    private String path() {
        String value = first(PATH).orElse("/app");
        if (!value.startsWith("/") || value.length() < 2 || value.endsWith("/") || value.contains("{")
                || value.contains(" ")) {
            throw new InvalidConfigurationException("SOCKET_PATH must start with '/', name at least one segment"
                    + " and not end with '/', e.g. /app; got '" + value + "'");
        }
        return value;
    }

    // scheme://host[:port], as a browser sends it in Origin: no path, user info, query or wildcard
    private static final java.util.regex.Pattern ORIGIN = java.util.regex.Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*)://(\\[[0-9A-Fa-f:.]+\\]|[^\\[\\]/?#@:*\\s]+)(?::([0-9]{1,5}))?");

    /**
     * The origins whose pages may call the HTTP routes from a browser: none by default, {@code *} for any,
     * otherwise each written the way browsers send {@code Origin} (lower case, default port left out) so
     * that matching a request is one set lookup.
     */
    private List<String> corsOrigins() {
        Optional<String> value = first(CORS_ORIGINS);
        if (value.isEmpty()) {
            return List.of();
        }
        var origins = new java.util.LinkedHashSet<String>();
        for (String entry : value.get().split(",")) {
            String origin = entry.trim();
            if (!origin.isEmpty()) { // a stray comma is harmless
                origins.add(origin.equals("*") ? origin : canonicalOrigin(origin));
            }
        }
        if (origins.contains("*") && origins.size() > 1) {
            throw new InvalidConfigurationException(CORS_ORIGINS.get(0) + " lists '*' (every origin) beside other"
                    + " origins; give '*' alone or only the origins; got '" + value.get() + "'");
        }
        return List.copyOf(origins);
    }

    private static String canonicalOrigin(String entry) {
        var match = ORIGIN.matcher(entry);
        boolean wellFormed = match.matches();
        int port = wellFormed && match.group(3) != null ? Integer.parseInt(match.group(3)) : -1;
        if (!wellFormed || port == 0 || port > 65535) {
            throw new InvalidConfigurationException(CORS_ORIGINS.get(0) + " accepts '*' or comma-separated origins"
                    + " written scheme://host[:port] without a path, e.g. https://app.example.com,"
                    + "http://127.0.0.1:8099; got '" + entry + "'");
        }
        String scheme = match.group(1).toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + match.group(2).toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private boolean bool(List<String> names, boolean fallback) {
        Optional<String> value = first(names);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidConfigurationException(
                    names.get(0) + " accepts true or false; got '" + value.get() + "'");
        };
    }

    private int positiveInt(List<String> names, int fallback, String unit) {
        Optional<String> value = first(names);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new InvalidConfigurationException(
                names.get(0) + " accepts a whole number of " + unit + " above 0; got '" + value.get() + "'");
    }

    private <E extends Enum<E>> E choice(List<String> names, Class<E> type, E fallback) {
        Optional<String> value = first(names);
        if (value.isEmpty()) {
            return fallback;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value.get())) {
                return candidate;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E candidate : type.getEnumConstants()) {
            accepted.append(accepted.isEmpty() ? "" : ", ").append(candidate.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidConfigurationException(
                names.get(0) + " accepts " + accepted + "; got '" + value.get() + "'");
    }

    private Optional<String> first(List<String> names) {
        for (String name : names) {
            Optional<String> value = source.apply(name).map(String::trim).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
