package io.zintrust.socket.signature;

import io.zintrust.socket.apps.App;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auth tokens of Pusher channel authorization, with golden vectors. */
class ChannelSignatureTest {

    static final String KEY = "278d425bdf160c739803";
    static final App APP = new App("3", KEY, "7ad3773142a6692b25b8");
    static final String SOCKET = "1234.1234";

    static final String PRIVATE_HEX = "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
    static final String PRESENCE_HEX = "31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80";
    static final String SIGNIN_HEX = "4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba";
    static final String PRESENCE_DATA = "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}";
    static final String USER_DATA = "{\"id\":\"12345\"}";

    @Test
    void a_private_payload_is_socket_id_colon_channel() {
        assertEquals("1234.1234:private-foobar", ChannelSignature.subscriptionPayload(SOCKET, "private-foobar", null));
    }

    @Test
    void a_presence_payload_appends_the_channel_data_after_a_second_colon() {
        assertEquals("1234.1234:presence-foobar:" + PRESENCE_DATA,
                ChannelSignature.subscriptionPayload(SOCKET, "presence-foobar", PRESENCE_DATA));
    }

    @Test
    void a_signin_payload_uses_double_colons_and_the_literal_user() {
        assertEquals("1234.1234::user::" + USER_DATA, ChannelSignature.signinPayload(SOCKET, USER_DATA));
    }

    @Test
    void the_private_token_is_the_key_and_the_documented_digest() {
        assertEquals(KEY + ":" + PRIVATE_HEX,
                ChannelSignature.token(APP, ChannelSignature.subscriptionPayload(SOCKET, "private-foobar", null)));
    }

    @Test
    void the_presence_token_is_the_key_and_the_documented_digest() {
        assertEquals(KEY + ":" + PRESENCE_HEX, ChannelSignature.token(APP,
                ChannelSignature.subscriptionPayload(SOCKET, "presence-foobar", PRESENCE_DATA)));
    }

    @Test
    void the_signin_token_is_the_key_and_the_documented_digest() {
        assertEquals(KEY + ":" + SIGNIN_HEX, ChannelSignature.token(APP, ChannelSignature.signinPayload(SOCKET, USER_DATA)));
    }

    @Test
    void verify_accepts_the_documented_private_token() {
        assertTrue(ChannelSignature.verify(APP, KEY + ":" + PRIVATE_HEX, "1234.1234:private-foobar"));
    }

    @Test
    void verify_accepts_the_documented_presence_token() {
        assertTrue(ChannelSignature.verify(APP, KEY + ":" + PRESENCE_HEX, "1234.1234:presence-foobar:" + PRESENCE_DATA));
    }

    @Test
    void verify_accepts_the_documented_signin_token() {
        assertTrue(ChannelSignature.verify(APP, KEY + ":" + SIGNIN_HEX, "1234.1234::user::" + USER_DATA));
    }

    @Test
    void verify_refuses_the_right_digest_under_another_key() {
        assertFalse(ChannelSignature.verify(APP, "278d425bdf160c739804:" + PRIVATE_HEX, "1234.1234:private-foobar"));
    }

    @Test
    void verify_refuses_an_empty_key_part() {
        assertFalse(ChannelSignature.verify(APP, ":" + PRIVATE_HEX, "1234.1234:private-foobar"));
    }

    @Test
    void verify_refuses_a_digest_with_one_character_changed() {
        String wrong = PRIVATE_HEX.substring(0, 63) + "5";
        assertFalse(ChannelSignature.verify(APP, KEY + ":" + wrong, "1234.1234:private-foobar"));
    }

    @Test
    void verify_refuses_a_digest_computed_for_another_channel() {
        assertFalse(ChannelSignature.verify(APP, KEY + ":" + PRIVATE_HEX, "1234.1234:private-foobaz"));
    }

    @Test
    void verify_refuses_a_digest_computed_for_another_socket() {
        assertFalse(ChannelSignature.verify(APP, KEY + ":" + PRIVATE_HEX, "1234.1235:private-foobar"));
    }

    @Test
    void verify_refuses_a_token_without_a_colon() {
        assertFalse(ChannelSignature.verify(APP, PRIVATE_HEX, "1234.1234:private-foobar"));
        assertFalse(ChannelSignature.verify(APP, KEY + PRIVATE_HEX, "1234.1234:private-foobar"));
    }

    @Test
    void verify_refuses_a_null_or_empty_token() {
        assertFalse(ChannelSignature.verify(APP, null, "1234.1234:private-foobar"));
        assertFalse(ChannelSignature.verify(APP, "", "1234.1234:private-foobar"));
        assertFalse(ChannelSignature.verify(APP, KEY + ":", "1234.1234:private-foobar"));
    }

    @Test
    void a_presence_signature_covers_the_exact_channel_data_string() {
        String sameJsonOtherBytes = "{\"user_id\": 10, \"user_info\": {\"name\": \"Mr. Channels\"}}";
        assertFalse(ChannelSignature.verify(APP, KEY + ":" + PRESENCE_HEX,
                "1234.1234:presence-foobar:" + sameJsonOtherBytes));
        String stringUserId = "{\"user_id\":\"10\",\"user_info\":{\"name\":\"Mr. Channels\"}}";
        assertFalse(ChannelSignature.verify(APP, KEY + ":" + PRESENCE_HEX,
                "1234.1234:presence-foobar:" + stringUserId));
    }

    @Test
    void a_private_token_does_not_authorize_the_presence_payload() {
        assertFalse(ChannelSignature.verify(APP, KEY + ":" + PRIVATE_HEX, "1234.1234:private-foobar:{}"));
    }
}
