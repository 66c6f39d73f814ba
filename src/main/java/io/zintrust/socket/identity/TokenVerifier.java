package io.zintrust.socket.identity;

import io.zintrust.socket.apps.JwtSettings;
import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a compact JWS the way MicroProfile JWT does (RS256, RS384 or RS512 signature; {@code exp}
 * required; {@code nbf}/{@code iat} not in the future; {@code iss} when one is configured; a clock skew
 * of leeway), and says precisely what failed, since the 401 body is what an integrator debugs from.
 */
public final class TokenVerifier {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    private final VerificationKeys keys;
    private final String issuer;
    private final long skewSeconds;
    private final List<String> audiences;

    public TokenVerifier(VerificationKeys keys, String issuer, long skewSeconds) {
        this(keys, issuer, skewSeconds, List.of());
    }

    public TokenVerifier(VerificationKeys keys, String issuer, long skewSeconds, List<String> audiences) {
        this.keys = keys;
        this.issuer = issuer;
        this.skewSeconds = skewSeconds;
        this.audiences = List.copyOf(audiences);
    }

    public static TokenVerifier from(JwtSettings settings) {
        return new TokenVerifier(VerificationKeys.load(settings), settings.issuer(), settings.clockSkewSeconds(),
                settings.audiences());
    }

    public VerifiedToken verify(String token, long nowSeconds) throws TokenRejected {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new TokenRejected("Malformed bearer token: expected a JWT, header.payload.signature");
        }
        JsonObject header = json(parts[0], "header");
        JsonObject claims = json(parts[1], "payload");
        String algorithm = header.getString("alg", "");
        String javaAlgorithm = ALGORITHMS.get(algorithm);
        if (javaAlgorithm == null) {
            throw new TokenRejected("Token algorithm '" + algorithm + "' is not accepted: sign with RS256, RS384"
                    + " or RS512");
        }
        Optional<RSAPublicKey> key = keys.forKid(header.getString("kid", null));
        if (key.isEmpty()) {
            throw new TokenRejected("Token key id '" + header.getString("kid", "") + "' matches no configured key");
        }
        if (!signatureHolds(javaAlgorithm, key.get(), parts)) {
            throw new TokenRejected("Token signature is invalid: it was not signed by the configured key");
        }
        Long expires = seconds(claims, "exp");
        if (expires == null) {
            throw new TokenRejected("Token has no exp claim: tokens must expire");
        }
        if (nowSeconds > expires + skewSeconds) {
            throw new TokenRejected("Token expired at " + Instant.ofEpochSecond(expires));
        }
        Long notBefore = seconds(claims, "nbf");
        if (notBefore != null && nowSeconds + skewSeconds < notBefore) {
            throw new TokenRejected("Token is not valid before " + Instant.ofEpochSecond(notBefore));
        }
        Long issuedAt = seconds(claims, "iat");
        if (issuedAt != null && nowSeconds + skewSeconds < issuedAt) {
            throw new TokenRejected("Token was issued in the future (iat " + Instant.ofEpochSecond(issuedAt) + ")");
        }
        if (issuer != null) {
            String presented = claims.get("iss") instanceof JsonString iss ? iss.getString() : null;
            if (!issuer.equals(presented)) {
                throw new TokenRejected("Token issuer " + (presented == null ? "is missing" : "'" + presented + "'")
                        + "; expected '" + issuer + "'");
            }
        }
        if (!audiences.isEmpty() && !namesAnAudience(claims.get("aud"))) {
            throw new TokenRejected("Token audience " + (claims.containsKey("aud") ? claims.get("aud") : "is missing")
                    + "; expected one of " + audiences);
        }
        if (!(claims.get("sub") instanceof JsonString subject) || subject.getString().isEmpty()) {
            throw new TokenRejected("Token has no sub claim: the user id");
        }
        return new VerifiedToken(token, claims);
    }

    private boolean namesAnAudience(jakarta.json.JsonValue aud) {
        if (aud instanceof JsonString one) {
            return audiences.contains(one.getString());
        }
        if (aud instanceof jakarta.json.JsonArray many) {
            return many.stream().anyMatch(item -> item instanceof JsonString text && audiences.contains(text.getString()));
        }
        return false;
    }

    private static boolean signatureHolds(String algorithm, RSAPublicKey key, String[] parts) throws TokenRejected {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new TokenRejected("Malformed bearer token: the signature is not base64url");
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static JsonObject json(String part, String what) throws TokenRejected {
        try {
            String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
            Optional<JsonObject> object = JsonText.object(text);
            if (object.isPresent()) {
                return object.get();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new TokenRejected("Malformed bearer token: its " + what + " is not base64url JSON");
    }

    private static Long seconds(JsonObject claims, String name) throws TokenRejected {
        if (!claims.containsKey(name)) {
            return null;
        }
        if (claims.get(name) instanceof JsonNumber number) {
            return number.longValue();
        }
        throw new TokenRejected("Token claim " + name + " must be a number of seconds");
    }
}
