package io.zintrust.socket.http;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.signature.ApiSignature;
import io.zintrust.socket.signature.Hmac;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an HTTP API request may act for an app. Three forms are accepted: the Pusher request
 * signature (what every Pusher server SDK sends), {@code Authorization: Bearer <secret>} and
 * {@code x-zintrust-socket-secret: <secret>}.
 */
public final class RequestAuthorization {

    public static final String SECRET_HEADER = "x-zintrust-socket-secret";

    private RequestAuthorization() {
    }

    /** Throws 401 for a missing or bad signature, 403 for a wrong plain secret or a disabled app. */
    public static void check(App app, HttpServletRequest request, UriInfo uri, byte[] body) {
        if (!app.enabled()) {
            throw new ApiException(403, "Socket app " + app.id() + " is disabled");
        }
        String bearer = bearer(request.getHeader("Authorization"));
        String headerSecret = request.getHeader(SECRET_HEADER);
        if (bearer != null || headerSecret != null) {
            String presented = bearer != null ? bearer : headerSecret;
            if (!Hmac.sameText(app.secret(), presented)) {
                throw new ApiException(403, "Socket publish secret is invalid");
            }
            return;
        }
        Map<String, String> query = firstValues(uri.getQueryParameters(true));
        if (!query.containsKey("auth_signature")) {
            throw new ApiException(401, "Missing authorization: sign the request (auth_key, auth_timestamp,"
                    + " auth_version, auth_signature) or send Authorization: Bearer <secret>");
        }
        Optional<String> problem = ApiSignature.verify(app, request.getMethod(), signedPaths(request), query, body,
                System.currentTimeMillis() / 1000);
        if (problem.isPresent()) {
            throw new ApiException(401, problem.get());
        }
    }

    /** The path as received, and without the context root or a proxy prefix, since SDKs may sign either. */
    static List<String> signedPaths(HttpServletRequest request) {
        String received = request.getRequestURI();
        List<String> paths = new ArrayList<>(3);
        paths.add(received);
        String context = request.getContextPath();
        if (!context.isEmpty() && received.startsWith(context)) {
            paths.add(received.substring(context.length()));
        }
        String prefix = request.getHeader("X-Forwarded-Prefix");
        if (prefix != null && prefix.startsWith("/")) {
            String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            paths.add(trimmed + received.substring(context.length()));
        }
        return paths;
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private static Map<String, String> firstValues(MultivaluedMap<String, String> parameters) {
        Map<String, String> first = new HashMap<>();
        parameters.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
        return first;
    }
}
