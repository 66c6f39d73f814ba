package io.zintrust.socket.http;

import java.util.List;
import java.util.Set;

/**
 * Which pages may read the HTTP routes' answers from a browser, and the CORS headers that tell the
 * browser so. The origins come from {@code SOCKET_CORS_ORIGINS}, already written the way browsers send
 * {@code Origin} (see {@code SettingsReader}), so matching is an exact lookup.
 */
final class CrossOriginPolicy {

    static final String ALLOWED_METHODS = "POST, GET, OPTIONS";
    /** Seconds a browser may reuse a preflight answer: pusher-js authorizes each subscription anew. */
    static final String MAX_AGE_SECONDS = "600";

    /** A header to add to the answer. */
    record Header(String name, String value) {
    }

    private final boolean anyOrigin;
    private final Set<String> origins;

    private CrossOriginPolicy(boolean anyOrigin, Set<String> origins) {
        this.anyOrigin = anyOrigin;
        this.origins = origins;
    }

    static CrossOriginPolicy of(List<String> configured) {
        return new CrossOriginPolicy(configured.contains("*"), Set.copyOf(configured));
    }

    /** True when no origin is allowed: then no request gets CORS headers. */
    boolean isOff() {
        return !anyOrigin && origins.isEmpty();
    }

    boolean allows(String origin) {
        return anyOrigin || origins.contains(origin);
    }

    /** A browser's preflight: OPTIONS asking whether the real request may follow. */
    static boolean isPreflight(String method, String requestedMethod) {
        return "OPTIONS".equals(method) && requestedMethod != null;
    }

    /** The headers of an answer to a page of this origin; none when the origin is not allowed. */
    List<Header> answerHeaders(String origin) {
        if (!allows(origin)) {
            return List.of();
        }
        // with '*' browsers refuse credentials anyway, so the origin is not echoed and none are offered
        return anyOrigin
                ? List.of(new Header("Access-Control-Allow-Origin", "*"), new Header("Vary", "Origin"))
                : List.of(new Header("Access-Control-Allow-Origin", origin),
                        new Header("Access-Control-Allow-Credentials", "true"), new Header("Vary", "Origin"));
    }

    /**
     * The headers of the answer to an allowed preflight: the answer headers plus the methods, the request
     * headers it asked for (any: the routes check their own authorization) and how long to keep it.
     */
    List<Header> preflightHeaders(String origin, String requestedHeaders) {
        List<Header> answer = answerHeaders(origin);
        if (answer.isEmpty()) {
            return answer;
        }
        var headers = new java.util.ArrayList<>(answer);
        headers.add(new Header("Access-Control-Allow-Methods", ALLOWED_METHODS));
        if (requestedHeaders != null && !requestedHeaders.isBlank()) {
            headers.add(new Header("Access-Control-Allow-Headers", requestedHeaders.trim()));
        }
        headers.add(new Header("Access-Control-Max-Age", MAX_AGE_SECONDS));
        return List.copyOf(headers);
    }

    /** Why a preflight from this origin is refused, naming the setting that would allow it. */
    static String refusal(String origin) {
        return "Origin " + origin + " is not allowed: add it to SOCKET_CORS_ORIGINS";
    }
}
