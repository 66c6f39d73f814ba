package io.zintrust.socket.support;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * Plays the app's identity provider: an RSA key pair made for the test run, RS256 tokens signed with
 * it, and its public key as PEM for {@code MP_JWT_VERIFY_PUBLICKEY}.
 */
public final class TokenIssuer {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String issuer;

    private TokenIssuer(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** A new 2048-bit key pair issuing as {@code issuer} (the {@code iss} claim). */
    public static TokenIssuer named(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenIssuer(generator.generateKeyPair(), issuer);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The public key, X.509 SubjectPublicKeyInfo in PEM. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A token for user {@code sub}, valid for five minutes. */
    public String token(String sub) {
        return token(Json.createObjectBuilder().add("sub", sub));
    }

    /** A token with these claims, plus this issuer and an exp five minutes ahead unless given. */
    public String token(JsonObjectBuilder claims) {
        var payload = claims.build();
        JsonObjectBuilder complete = Json.createObjectBuilder(payload);
        if (!payload.containsKey("iss")) {
            complete.add("iss", issuer);
        }
        if (!payload.containsKey("exp")) {
            complete.add("exp", System.currentTimeMillis() / 1000 + 300);
        }
        String signed = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(complete.build().toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
