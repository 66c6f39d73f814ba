package io.zintrust.socket.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prefix typing and naming rules. */
class ChannelNameTest {

    @ParameterizedTest(name = "{0} is {1}, cached={2}")
    @CsvSource({
            "private-encrypted-cache-prices, ENCRYPTED, true",
            "private-encrypted-foo, ENCRYPTED, false",
            "private-cache-orders, PRIVATE, true",
            "private-orders, PRIVATE, false",
            "presence-cache-room, PRESENCE, true",
            "presence-room-1, PRESENCE, false",
            "cache-price, PUBLIC, true",
            "news, PUBLIC, false",
            "privatefoo, PUBLIC, false",
            "presencefoo, PUBLIC, false",
            "cachefoo, PUBLIC, false",
            "public-private-x, PUBLIC, false",
            "encrypted-x, PUBLIC, false",
    })
    void the_type_and_cache_flag_follow_the_longest_matching_prefix(String name, ChannelType type, boolean cached) {
        ChannelName parsed = ChannelName.parse(name);
        assertEquals(name, parsed.value());
        assertEquals(type, parsed.type());
        assertEquals(cached, parsed.cached());
    }

    @Test
    void private_encrypted_is_not_mistaken_for_plain_private() {
        assertEquals(ChannelType.ENCRYPTED, ChannelName.parse("private-encrypted-x").type());
        assertEquals(ChannelType.PRIVATE, ChannelName.parse("private-encryptedx").type());
    }

    @Test
    void privatefoo_without_the_dash_is_a_public_channel() {
        ChannelName name = ChannelName.parse("privatefoo");
        assertEquals(ChannelType.PUBLIC, name.type());
        assertFalse(name.type().signed());
        assertFalse(name.isPresence());
    }

    @Test
    void only_presence_channels_report_presence() {
        assertTrue(ChannelName.parse("presence-a").isPresence());
        assertTrue(ChannelName.parse("presence-cache-a").isPresence());
        assertFalse(ChannelName.parse("private-a").isPresence());
        assertFalse(ChannelName.parse("a").isPresence());
    }

    @Test
    void signed_and_client_event_flags_match_the_channel_table() {
        assertFalse(ChannelType.PUBLIC.signed());
        assertFalse(ChannelType.PUBLIC.allowsClientEvents());
        assertTrue(ChannelType.PRIVATE.signed());
        assertTrue(ChannelType.PRIVATE.allowsClientEvents());
        assertTrue(ChannelType.ENCRYPTED.signed());
        assertFalse(ChannelType.ENCRYPTED.allowsClientEvents());
        assertTrue(ChannelType.PRESENCE.signed());
        assertTrue(ChannelType.PRESENCE.allowsClientEvents());
        assertFalse(ChannelType.SERVER_TO_USER.allowsClientEvents());
    }

    @Test
    void a_server_to_user_channel_is_its_own_type_and_bypasses_the_character_check() {
        ChannelName name = ChannelName.parse("#server-to-user-42");
        assertEquals(ChannelType.SERVER_TO_USER, name.type());
        assertFalse(name.cached());
        assertEquals(ChannelType.SERVER_TO_USER, ChannelName.parse("#server-to-user-ada@example.com").type());
    }

    @Test
    void a_server_to_user_channel_without_a_user_id_is_refused() {
        InvalidChannelException e = assertThrows(InvalidChannelException.class,
                () -> ChannelName.parse("#server-to-user-"));
        assertTrue(e.getMessage().contains("names no user"), e.getMessage());
    }

    @Test
    void a_server_to_user_channel_still_obeys_the_length_limit() {
        String name = "#server-to-user-" + "u".repeat(200 - "#server-to-user-".length() + 1);
        assertEquals(201, name.length());
        assertThrows(InvalidChannelException.class, () -> ChannelName.parse(name));
    }

    @Test
    void a_hash_that_is_not_the_server_to_user_prefix_is_refused() {
        assertThrows(InvalidChannelException.class, () -> ChannelName.parse("#server-to-users"));
        assertThrows(InvalidChannelException.class, () -> ChannelName.parse("#general"));
    }

    @Test
    void every_allowed_character_is_accepted() {
        String name = "ABCXYZabcxyz0189_-=@,.;";
        assertEquals(name, ChannelName.parse(name).value());
        assertTrue(ChannelName.isValid(name));
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @ValueSource(strings = {"a b", "a:b", "a/b", "a#b", "a*b", "a+b", "a\"b", "caf\u00e9", "a\nb", "private-a%20",
            "a\u0000b", "tab\there", "\u00a0"})
    void names_with_characters_outside_the_allowed_set_are_refused(String name) {
        InvalidChannelException e = assertThrows(InvalidChannelException.class, () -> ChannelName.parse(name));
        assertTrue(e.getMessage().contains("characters outside"), e.getMessage());
        assertFalse(ChannelName.isValid(name));
    }

    @Test
    void a_name_of_exactly_200_characters_is_accepted() {
        String name = "private-" + "x".repeat(192);
        assertEquals(200, name.length());
        assertEquals(ChannelType.PRIVATE, ChannelName.parse(name).type());
    }

    @Test
    void a_name_of_201_characters_is_refused() {
        String name = "private-" + "x".repeat(193);
        assertEquals(201, name.length());
        InvalidChannelException e = assertThrows(InvalidChannelException.class, () -> ChannelName.parse(name));
        assertTrue(e.getMessage().contains("200"), e.getMessage());
        assertFalse(ChannelName.isValid(name));
    }

    @Test
    void an_empty_name_is_refused_as_missing() {
        InvalidChannelException e = assertThrows(InvalidChannelException.class, () -> ChannelName.parse(""));
        assertEquals("Channel name is required", e.getMessage());
        assertFalse(ChannelName.isValid(""));
    }

    @Test
    void a_null_name_is_refused() {
        InvalidChannelException e = assertThrows(InvalidChannelException.class, () -> ChannelName.parse(null));
        assertEquals("Channel name is required", e.getMessage());
        assertFalse(ChannelName.isValid(null));
    }

    @Test
    void is_valid_agrees_with_parse_for_good_names() {
        assertTrue(ChannelName.isValid("presence-room-1"));
        assertTrue(ChannelName.isValid("#server-to-user-7"));
    }

    @org.junit.jupiter.api.Test
    void a_server_to_user_channel_with_spaces_or_control_characters_is_refused() {
        org.junit.jupiter.api.Assertions.assertThrows(InvalidChannelException.class,
                () -> ChannelName.parse("#server-to-user-a b"));
        org.junit.jupiter.api.Assertions.assertThrows(InvalidChannelException.class,
                () -> ChannelName.parse("#server-to-user-a\nb"));
    }
}
