package io.zintrust.socket.identity;

import io.zintrust.socket.apps.InvalidConfigurationException;
import io.zintrust.socket.apps.JwtSettings;
import io.zintrust.socket.testing.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenVerifierTest {

    private static final TestTokens TOKENS = TestTokens.generate();
    private static final long NOW = System.currentTimeMillis() / 1000;

    /** Read at each check: a token signed after the class loaded must not look issued in the future. */
    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private final TokenVerifier verifier = new TokenVerifier(VerificationKeys.parse(TOKENS.publicKeyPem()),
            TestTokens.ISSUER, 60);

    private String reason(String token) {
        return assertThrows(TokenRejected.class, () -> verifier.verify(token, now())).getMessage();
    }

    @Test
    void a_token_signed_by_the_configured_key_names_its_subject_and_claims() throws TokenRejected {
        VerifiedToken token = verifier.verify(TOKENS.sign(TestTokens.claims("42")
                .add("channels", Json.createArrayBuilder().add("private-orders.*"))
                .add("user_info", Json.createObjectBuilder().add("name", "Ada"))), now());
        assertEquals("42", token.userId());
        assertEquals("42", token.getName());
        assertEquals("Ada", token.userInfo().getString("name"));
        assertTrue(token.patterns("channels").orElseThrow().matches("private-orders.7"));
        assertTrue(token.patterns("publish").isEmpty());
    }

    @Test
    void as_a_microprofile_token_standard_claims_have_their_standard_types() throws TokenRejected {
        JsonWebToken token = verifier.verify(TOKENS.sign(TestTokens.claims("7")
                .add("groups", Json.createArrayBuilder().add("admin"))), now());
        assertEquals(TestTokens.ISSUER, token.getIssuer());
        assertEquals("7", token.getSubject());
        assertEquals(Set.of("admin"), token.getGroups());
        assertTrue(token.getExpirationTime() > NOW);
        assertTrue(token.getRawToken().split("\\.").length == 3);
    }

    @Test
    void an_expired_token_is_rejected_saying_when_it_expired() {
        String token = TOKENS.sign(TestTokens.claims("1").add("exp", NOW - 3600));
        assertTrue(reason(token).startsWith("Token expired at "), reason(token));
    }

    @Test
    void the_clock_skew_forgives_a_token_that_expired_moments_ago() throws TokenRejected {
        assertEquals("1", verifier.verify(TOKENS.sign(TestTokens.claims("1").add("exp", NOW - 30)), now()).userId());
    }

    @Test
    void a_token_without_exp_is_rejected() {
        JsonObject claims = Json.createObjectBuilder().add("sub", "1").add("iss", TestTokens.ISSUER).build();
        String token = TestTokens.sign(Json.createObjectBuilder().add("alg", "RS256").build(), claims,
                TOKENS.privateKey());
        assertTrue(reason(token).contains("no exp claim"));
    }

    @Test
    void a_token_from_another_issuer_is_rejected_naming_both() {
        String reason = reason(TOKENS.sign(TestTokens.claims("1").add("iss", "https://evil.example")));
        assertTrue(reason.contains("'https://evil.example'") && reason.contains(TestTokens.ISSUER), reason);
    }

    @Test
    void a_token_signed_by_another_key_is_rejected() {
        String token = TestTokens.generate().sign(TestTokens.claims("1"));
        assertTrue(reason(token).startsWith("Token signature is invalid"));
    }

    @Test
    void a_token_whose_payload_was_altered_after_signing_is_rejected() {
        String[] parts = TOKENS.sign(TestTokens.claims("1")).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                TestTokens.claims("admin").build().toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(reason(parts[0] + "." + forged + "." + parts[2]).startsWith("Token signature is invalid"));
    }

    @Test
    void an_unsigned_or_hmac_token_is_refused_by_its_algorithm() {
        JsonObject claims = TestTokens.claims("1").build();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String none = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        assertTrue(reason(none).contains("'none' is not accepted"), reason(none));
        String hmac = url.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        assertTrue(reason(hmac).contains("'HS256' is not accepted"));
    }

    @Test
    void a_token_that_is_not_yet_valid_is_rejected() {
        assertTrue(reason(TOKENS.sign(TestTokens.claims("1").add("nbf", NOW + 3600))).startsWith("Token is not valid before"));
    }

    @Test
    void a_token_without_a_subject_is_rejected() {
        long now = NOW;
        String token = TOKENS.sign(Json.createObjectBuilder().add("iss", TestTokens.ISSUER).add("exp", now + 60));
        assertTrue(reason(token).contains("no sub claim"));
    }

    @Test
    void garbage_is_rejected_as_malformed_not_as_an_error() {
        assertTrue(reason("a.b.c").startsWith("Malformed bearer token"));
        assertTrue(reason("only.two").startsWith("Malformed bearer token"));
        assertTrue(reason("!!!.???.***").startsWith("Malformed bearer token"));
    }

    @Test
    void without_a_configured_issuer_any_issuer_is_accepted() throws TokenRejected {
        TokenVerifier anyIssuer = new TokenVerifier(VerificationKeys.parse(TOKENS.publicKeyPem()), null, 0);
        assertEquals("1", anyIssuer.verify(TOKENS.sign(TestTokens.claims("1").add("iss", "elsewhere")), now()).userId());
    }

    @Test
    void a_jwk_set_picks_the_key_by_kid() throws TokenRejected {
        TestTokens other = TestTokens.generate();
        String jwks = "{\"keys\":[" + jwk("old", other) + "," + jwk("current", TOKENS) + "]}";
        TokenVerifier fromSet = new TokenVerifier(VerificationKeys.parse(jwks), null, 0);
        String token = TestTokens.sign(Json.createObjectBuilder().add("alg", "RS256").add("kid", "current").build(),
                TestTokens.claims("9").build(), TOKENS.privateKey());
        assertEquals("9", fromSet.verify(token, now()).userId());
        String unknown = TestTokens.sign(Json.createObjectBuilder().add("alg", "RS256").add("kid", "gone").build(),
                TestTokens.claims("9").build(), TOKENS.privateKey());
        assertThrows(TokenRejected.class, () -> fromSet.verify(unknown, now()));
    }

    @Test
    void the_key_may_be_read_from_a_file_given_as_its_location() throws Exception {
        Path file = Files.createTempFile("key", ".pem");
        Files.writeString(file, TOKENS.publicKeyPem());
        TokenVerifier fromFile = TokenVerifier.from(new JwtSettings(null, file.toString(), TestTokens.ISSUER, 60));
        assertEquals("3", fromFile.verify(TOKENS.sign(TestTokens.claims("3")), now()).userId());
        Files.delete(file);
    }

    @Test
    void an_unusable_key_fails_startup_with_a_message_naming_the_setting() {
        String message = assertThrows(InvalidConfigurationException.class,
                () -> TokenVerifier.from(new JwtSettings("not a key", null, null, 60))).getMessage();
        assertTrue(message.contains("mp.jwt.verify.publickey"), message);
        String missing = assertThrows(InvalidConfigurationException.class,
                () -> TokenVerifier.from(new JwtSettings(null, "/nonexistent/key.pem", null, 60))).getMessage();
        assertTrue(missing.contains("/nonexistent/key.pem"), missing);
    }

    @Test
    void with_audiences_configured_the_token_must_name_one_of_them() throws TokenRejected {
        TokenVerifier forSocket = new TokenVerifier(VerificationKeys.parse(TOKENS.publicKeyPem()), TestTokens.ISSUER, 60,
                List.of("socket", "realtime"));
        assertEquals("1", forSocket.verify(TOKENS.sign(TestTokens.claims("1").add("aud", "socket")), now()).userId());
        assertEquals("1", forSocket.verify(TOKENS.sign(TestTokens.claims("1")
                .add("aud", Json.createArrayBuilder().add("billing").add("realtime"))), now()).userId());
        String other = assertThrows(TokenRejected.class, () -> forSocket.verify(
                TOKENS.sign(TestTokens.claims("1").add("aud", "billing")), now())).getMessage();
        assertTrue(other.contains("billing") && other.contains("socket"), other);
        assertThrows(TokenRejected.class, () -> forSocket.verify(TOKENS.sign(TestTokens.claims("1")), now()));
    }

    @Test
    void an_rsa_key_shorter_than_2048_bits_is_refused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String pem = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        String message = assertThrows(IllegalArgumentException.class, () -> VerificationKeys.parse(pem)).getMessage();
        assertTrue(message.contains("1024 bits"), message);
    }

    private static String jwk(String kid, TestTokens tokens) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return Json.createObjectBuilder().add("kty", "RSA").add("kid", kid)
                .add("n", url.encodeToString(unsigned(tokens.publicKey().getModulus())))
                .add("e", url.encodeToString(unsigned(tokens.publicKey().getPublicExponent()))).build().toString();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
