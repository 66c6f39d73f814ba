package io.zintrust.socket.signature;

import io.zintrust.socket.apps.App;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies a Pusher HTTP API request signed with auth_version 1.0 (https://pusher.com/docs/channels/library_auth_reference/rest-api/#authentication). The verdict is
 * an error message, or empty when the request is authentic.
 */
public final class ApiSignature {

    /** How far {@code auth_timestamp} may be from the server clock. */
    public static final long MAX_SKEW_SECONDS = 600;

    private ApiSignature() {
    }

    /**
     * @param paths candidate request paths: the one received and, behind a context root or proxy prefix,
     *              the path without it; the signature may cover either
     * @param query query parameters as received (first value of each name)
     */
    public static Optional<String> verify(App app, String method, List<String> paths, Map<String, String> query,
                                          byte[] body, long nowSeconds) {
        String key = query.get("auth_key");
        String signature = query.get("auth_signature");
        String timestamp = query.get("auth_timestamp");
        if (key == null || signature == null || timestamp == null) {
            return Optional.of("Missing auth_key, auth_timestamp or auth_signature");
        }
        if (!Hmac.sameText(app.key(), key)) {
            return Optional.of("Unknown auth_key for this app");
        }
        String version = query.get("auth_version");
        if (version != null && !version.equals("1.0")) {
            return Optional.of("Unsupported auth_version: only 1.0 is accepted");
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("auth_timestamp must be Unix seconds");
        }
        if (signedAt < nowSeconds - MAX_SKEW_SECONDS || signedAt > nowSeconds + MAX_SKEW_SECONDS) {
            return Optional.of("Timestamp expired: auth_timestamp must be within " + MAX_SKEW_SECONDS
                    + " seconds of the server time");
        }
        if (body != null && body.length > 0) {
            String md5 = query.get("body_md5");
            if (md5 == null) {
                return Optional.of("body_md5 is required when the request has a body");
            }
            if (!Hmac.sameText(Hmac.md5Hex(body), md5.toLowerCase(Locale.ROOT))) {
                return Optional.of("body_md5 does not match the request body");
            }
        }
        String canonicalQuery = canonicalQuery(query);
        boolean matched = false;
        for (String path : paths) {
            String expected = Hmac.sha256Hex(app.secret(), stringToSign(method, path, canonicalQuery));
            matched |= Hmac.sameText(expected, signature.toLowerCase(Locale.ROOT));
        }
        return matched ? Optional.empty() : Optional.of("Invalid signature: expected HMAC-SHA256 hex digest of "
                + "METHOD\\nPATH\\nSORTED_QUERY signed with the app secret");
    }

    public static String stringToSign(String method, String path, String canonicalQuery) {
        return method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + canonicalQuery;
    }

    /** Every parameter but auth_signature, keys lower-cased and sorted, values as received. */
    public static String canonicalQuery(Map<String, String> query) {
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("auth_signature")) {
                sorted.put(lower, value);
            }
        });
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return out.toString();
    }
}
