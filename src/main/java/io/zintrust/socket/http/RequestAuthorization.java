package io.zintrust.socket.http;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.identity.BearerToken;
import io.zintrust.socket.identity.TokenRejected;
import io.zintrust.socket.identity.Tokens;
import io.zintrust.socket.identity.VerifiedToken;
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
 * {@code x-zintrust-socket-secret: <secret>}. Where bearer tokens are verified, a JWT in
 * {@code Authorization} names a user instead: alone, or beside a signature or the secret header.
 */
public final class RequestAuthorization {

    public static final String SECRET_HEADER = "x-zintrust-socket-secret";

    private RequestAuthorization() {
    }

    /**
     * Who the request acts as. Throws 401 for a missing or bad signature or token, 403 for a wrong plain
     * secret or a disabled app.
     */
    public static ApiCaller identify(App app, HttpServletRequest request, UriInfo uri, byte[] body, Tokens tokens) {
        if (!app.enabled()) {
            throw new ApiException(403, "Socket app " + app.id() + " is disabled");
        }
        String authorization = request.getHeader("Authorization");
        VerifiedToken user = null;
        String bearer = BearerToken.value(authorization);
        if (tokens.verifying() && BearerToken.looksLikeJwt(bearer)) {
            try {
                user = tokens.user(authorization).orElseThrow();
            } catch (TokenRejected e) {
                throw new ApiException(401, e.getMessage());
            }
            bearer = null;
        }
        String headerSecret = request.getHeader(SECRET_HEADER);
        if (bearer != null || headerSecret != null) {
            String presented = bearer != null ? bearer : headerSecret;
            if (!Hmac.sameText(app.secret(), presented)) {
                throw new ApiException(403, "Socket publish secret is invalid");
            }
            return new ApiCaller(app, true, user);
        }
        Map<String, String> query = firstValues(uri.getQueryParameters(true));
        if (!query.containsKey("auth_signature")) {
            if (user != null) {
                return new ApiCaller(app, false, user);
            }
            throw new ApiException(401, "Missing authorization: sign the request (auth_key, auth_timestamp,"
                    + " auth_version, auth_signature) or send Authorization: Bearer <secret>");
        }
        Optional<String> problem = ApiSignature.verify(app, request.getMethod(), signedPaths(request), query, body,
                System.currentTimeMillis() / 1000);
        if (problem.isPresent()) {
            throw new ApiException(401, problem.get());
        }
        return new ApiCaller(app, true, user);
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

    private static Map<String, String> firstValues(MultivaluedMap<String, String> parameters) {
        Map<String, String> first = new HashMap<>();
        parameters.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
        return first;
    }
}
