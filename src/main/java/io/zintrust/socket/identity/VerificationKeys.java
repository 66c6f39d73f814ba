package io.zintrust.socket.identity;

import io.zintrust.socket.apps.InvalidConfigurationException;
import io.zintrust.socket.apps.JwtSettings;
import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The RSA public keys tokens are checked against, in the forms MicroProfile JWT accepts: a PEM
 * {@code PUBLIC KEY}, its base64 body alone, a JWK or a JWK set, inline or at a location (a file path,
 * a {@code file:} or an {@code http(s):} URL, read once at startup).
 */
public record VerificationKeys(List<Key> keys) {

    /** One key, and the {@code kid} a JWK gave it (null for PEM keys). */
    public record Key(String kid, RSAPublicKey publicKey) {
    }

    /** MicroProfile JWT's floor: shorter RSA keys are refused at startup rather than trusted. */
    static final int MIN_BITS = 2048;

    public VerificationKeys {
        keys = List.copyOf(keys);
        for (Key key : keys) {
            if (key.publicKey().getModulus().bitLength() < MIN_BITS) {
                throw new IllegalArgumentException("the RSA key" + (key.kid() == null ? "" : " '" + key.kid() + "'")
                        + " has " + key.publicKey().getModulus().bitLength() + " bits; at least " + MIN_BITS
                        + " are required");
            }
        }
    }

    public static VerificationKeys load(JwtSettings settings) {
        String text = settings.publicKey() != null ? settings.publicKey() : read(settings.publicKeyLocation());
        String origin = settings.publicKey() != null ? "mp.jwt.verify.publickey"
                : "mp.jwt.verify.publickey.location (" + settings.publicKeyLocation() + ")";
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("The token verification key in " + origin + " is unusable: "
                    + e.getMessage());
        }
    }

    /** The key for a token header's {@code kid}: the one with that id, else the only key there is. */
    public Optional<RSAPublicKey> forKid(String kid) {
        if (kid != null) {
            for (Key key : keys) {
                if (kid.equals(key.kid())) {
                    return Optional.of(key.publicKey());
                }
            }
        }
        return keys.size() == 1 && (kid == null || keys.get(0).kid() == null)
                ? Optional.of(keys.get(0).publicKey()) : Optional.empty();
    }

    public static VerificationKeys parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            JsonObject json = JsonText.object(trimmed)
                    .orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
            List<Key> keys = new ArrayList<>();
            if (json.containsKey("keys")) {
                for (JsonValue key : json.getJsonArray("keys")) {
                    if (key instanceof JsonObject jwk && "RSA".equals(jwk.getString("kty", ""))) {
                        keys.add(jwk(jwk));
                    }
                }
            } else {
                keys.add(jwk(json));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("the JWK set holds no RSA key");
            }
            return new VerificationKeys(keys);
        }
        String body = trimmed.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        if (trimmed.contains("BEGIN RSA PUBLIC KEY") || trimmed.contains("PRIVATE KEY") || trimmed.contains("CERTIFICATE")) {
            throw new IllegalArgumentException("expected a PEM 'PUBLIC KEY' (X.509 SubjectPublicKeyInfo), a JWK or"
                    + " a JWK set");
        }
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return new VerificationKeys(List.of(new Key(null,
                    (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)))));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM or base64 X.509 form (" + e.getMessage()
                    + ")");
        }
    }

    private static Key jwk(JsonObject jwk) {
        if (!"RSA".equals(jwk.getString("kty", ""))) {
            throw new IllegalArgumentException("only RSA keys (kty RSA) verify RS256/RS384/RS512 tokens");
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            BigInteger modulus = new BigInteger(1, url.decode(jwk.getString("n")));
            BigInteger exponent = new BigInteger(1, url.decode(jwk.getString("e")));
            return new Key(jwk.getString("kid", null), (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, exponent)));
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("a JWK needs base64url 'n' and 'e' (" + e.getMessage() + ")");
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(location))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IOException("HTTP " + answer.statusCode());
                }
                return answer.body();
            }
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException("mp.jwt.verify.publickey.location " + location
                    + " cannot be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidConfigurationException("Interrupted while reading " + location);
        }
    }
}
