package io.zintrust.socket.presence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading a presence member from channel_data. */
class MemberTest {

    @Test
    void a_string_user_id_and_user_info_are_read() {
        Member member = Member.fromChannelData("{\"user_id\":\"7\",\"user_info\":{\"name\":\"Ada\"}}");
        assertEquals("7", member.userId());
        assertEquals("{\"name\":\"Ada\"}", member.userInfoJson());
    }

    @Test
    void a_numeric_user_id_becomes_its_string_form() {
        Member member = Member.fromChannelData("{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}");
        assertEquals("10", member.userId());
        assertEquals("{\"name\":\"Mr. Channels\"}", member.userInfoJson());
    }

    @Test
    void a_large_numeric_user_id_keeps_all_its_digits() {
        assertEquals("12345678901234567890", Member.fromChannelData("{\"user_id\":12345678901234567890}").userId());
    }

    @Test
    void a_missing_user_info_is_the_json_null_literal() {
        assertEquals("null", Member.fromChannelData("{\"user_id\":\"9\"}").userInfoJson());
    }

    @Test
    void an_explicit_null_user_info_is_the_json_null_literal() {
        assertEquals("null", Member.fromChannelData("{\"user_id\":\"9\",\"user_info\":null}").userInfoJson());
    }

    @Test
    void scalar_user_info_is_kept_as_json_text() {
        assertEquals("\"admin\"", Member.fromChannelData("{\"user_id\":\"9\",\"user_info\":\"admin\"}").userInfoJson());
        assertEquals("[1,2]", Member.fromChannelData("{\"user_id\":\"9\",\"user_info\":[1,2]}").userInfoJson());
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void missing_or_blank_channel_data_is_refused(String channelData) {
        InvalidMemberException e = assertThrows(InvalidMemberException.class,
                () -> Member.fromChannelData(channelData));
        assertEquals("channel_data is required for presence channels", e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"not json", "{", "[\"7\"]", "\"7\"", "7"})
    void channel_data_that_is_not_a_json_object_is_refused(String channelData) {
        InvalidMemberException e = assertThrows(InvalidMemberException.class,
                () -> Member.fromChannelData(channelData));
        assertEquals("channel_data must be a JSON object with a user_id", e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{}", "{\"user_info\":{}}", "{\"user_id\":null}", "{\"user_id\":true}",
            "{\"user_id\":{\"id\":7}}", "{\"user_id\":[7]}", "{\"id\":\"7\"}"})
    void channel_data_without_a_string_or_number_user_id_is_refused(String channelData) {
        InvalidMemberException e = assertThrows(InvalidMemberException.class,
                () -> Member.fromChannelData(channelData));
        assertEquals("channel_data must carry a user_id (string or number)", e.getMessage());
    }

    @Test
    void an_empty_user_id_is_refused() {
        InvalidMemberException e = assertThrows(InvalidMemberException.class,
                () -> Member.fromChannelData("{\"user_id\":\"\"}"));
        assertEquals("channel_data user_id must not be empty", e.getMessage());
    }

    @Test
    void a_number_gets_the_form_javascript_would_give_it() {
        assertEquals("10", Member.fromChannelData("{\"user_id\":10.0}").userId());
        assertEquals("1000", Member.fromChannelData("{\"user_id\":1e3}").userId());
        assertEquals("2.5", Member.fromChannelData("{\"user_id\":2.50}").userId());
    }

    @Test
    void a_blank_user_id_is_refused() {
        assertThrows(InvalidMemberException.class, () -> Member.fromChannelData("{\"user_id\":\"   \"}"));
    }

    @Test
    void text_after_the_channel_data_object_is_refused() {
        assertThrows(InvalidMemberException.class, () -> Member.fromChannelData("{\"user_id\":\"7\"} trailing"));
    }
}
