package io.zintrust.socket.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds Pusher-signed HTTP API query strings by hand, so tests can sign with a chosen timestamp,
 * body hash or path, which the official SDK never gets wrong on purpose.
 */
public final class SignedRequest {

    private SignedRequest() {
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query string with auth_signature for {@code METHOD\npath\nsorted-params}. */
    public static String query(String method, String signedPath, Map<String, String> params, String secret) {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        String canonical = sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        String signature = hmac(secret, method + "\n" + signedPath + "\n" + canonical);
        return sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&auth_signature=" + signature;
    }

    /** The usual auth parameters for a body, at the given time. */
    public static Map<String, String> authParams(String key, long timestamp, String body) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("auth_key", key);
        params.put("auth_timestamp", Long.toString(timestamp));
        params.put("auth_version", "1.0");
        if (body != null && !body.isEmpty()) {
            params.put("body_md5", md5(body));
        }
        return params;
    }

    public static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
