package io.zintrust.socket.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Real RS256 tokens for tests: an RSA key pair made for the test run, and compact JWS signed with it,
 * the way an identity provider issues them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.example";

    private final KeyPair keys;

    private TestTokens(KeyPair keys) {
        this.keys = keys;
    }

    public static TestTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestTokens(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as {@code MP_JWT_VERIFY_PUBLICKEY} takes it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public java.security.interfaces.RSAPublicKey publicKey() {
        return (java.security.interfaces.RSAPublicKey) keys.getPublic();
    }

    /** Claims for user {@code sub} from {@link #ISSUER}, valid for ten minutes from now. */
    public static JsonObjectBuilder claims(String sub) {
        long now = System.currentTimeMillis() / 1000;
        return Json.createObjectBuilder().add("sub", sub).add("iss", ISSUER).add("iat", now).add("exp", now + 600);
    }

    public String sign(JsonObjectBuilder claims) {
        return sign(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build(), claims.build(),
                keys.getPrivate());
    }

    public static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + url.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }
}
