package io.zintrust.socket.signature;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel-auth and API-signature golden vectors, computed by the bare primitive. */
class HmacTest {

    static final String SECRET = "7ad3773142a6692b25b8";

    @Test
    void the_private_channel_vector_gives_the_documented_digest() {
        assertEquals("58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
                Hmac.sha256Hex(SECRET, "1234.1234:private-foobar"));
    }

    @Test
    void the_presence_channel_vector_gives_the_documented_digest() {
        assertEquals("31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
                Hmac.sha256Hex(SECRET,
                        "1234.1234:presence-foobar:{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}"));
    }

    @Test
    void the_signin_vector_gives_the_documented_digest() {
        assertEquals("4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba",
                Hmac.sha256Hex(SECRET, "1234.1234::user::{\"id\":\"12345\"}"));
    }

    @Test
    void the_byte_and_string_forms_sign_the_utf8_bytes_alike() {
        String payload = "1234.1234:presence-x:{\"user_info\":{\"name\":\"Zoë ☃\"}}";
        String fromString = Hmac.sha256Hex(SECRET, payload);
        assertEquals(fromString, Hmac.sha256Hex(SECRET, payload.getBytes(StandardCharsets.UTF_8)));
        assertTrue(fromString.matches("[0-9a-f]{64}"), fromString);
    }

    @Test
    void a_different_secret_gives_a_different_digest() {
        assertFalse(Hmac.sha256Hex(SECRET, "1234.1234:private-foobar")
                .equals(Hmac.sha256Hex("7ad3773142a6692b25b9", "1234.1234:private-foobar")));
    }

    @Test
    void md5_of_the_documented_publish_body_is_the_documented_body_md5() {
        byte[] body = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("ec365a775a4cd0599faeb73354201b6f", Hmac.md5Hex(body));
    }

    @Test
    void same_text_is_true_only_for_identical_strings() {
        assertTrue(Hmac.sameText("abc123", "abc123"));
        assertFalse(Hmac.sameText("abc123", "abc124"));
        assertFalse(Hmac.sameText("abc123", "abc12"));
        assertFalse(Hmac.sameText("abc123", "ABC123"));
    }

    @Test
    void same_text_refuses_null_on_either_side() {
        assertFalse(Hmac.sameText(null, "abc"));
        assertFalse(Hmac.sameText("abc", null));
        assertFalse(Hmac.sameText(null, null));
    }
}
