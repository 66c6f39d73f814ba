package io.zintrust.socket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding client frames and the tolerance Pusher clients rely on. */
class InboundFrameTest {

    static ProtocolException refused(String text) {
        return assertThrows(ProtocolException.class, () -> InboundFrame.parse(text));
    }

    @Test
    void a_subscribe_frame_keeps_event_and_object_data() {
        InboundFrame frame = InboundFrame.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-a\",\"auth\":\"k:s\"}}");
        assertEquals("pusher:subscribe", frame.event());
        assertNull(frame.channel());
        JsonObject data = assertInstanceOf(JsonObject.class, frame.data());
        assertEquals("private-a", data.getString("channel"));
        assertEquals("k:s", data.getString("auth"));
    }

    @Test
    void a_client_event_frame_keeps_its_channel() {
        InboundFrame frame = InboundFrame.parse(
                "{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"typing\":true}}");
        assertEquals("client-typing", frame.event());
        assertEquals("private-chat", frame.channel());
        assertEquals("{\"typing\":true}", frame.data().toString());
    }

    @Test
    void a_ping_without_data_has_null_data() {
        InboundFrame frame = InboundFrame.parse("{\"event\":\"pusher:ping\"}");
        assertEquals("pusher:ping", frame.event());
        assertNull(frame.data());
        assertNull(frame.channel());
    }

    @Test
    void string_data_stays_a_string() {
        InboundFrame frame = InboundFrame.parse("{\"event\":\"pusher:ping\",\"data\":\"{}\"}");
        assertEquals("{}", assertInstanceOf(JsonString.class, frame.data()).getString());
    }

    @Test
    void a_non_string_channel_is_ignored() {
        assertNull(InboundFrame.parse("{\"event\":\"client-x\",\"channel\":5}").channel());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "{", "not json", "{\"event\":\"x\",}", "{event:\"x\"}", "{\"event\":\"x\""})
    void malformed_json_is_a_bad_message(String text) {
        assertEquals(ErrorCode.BAD_MESSAGE, refused(text).code());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"[]", "[{\"event\":\"pusher:ping\"}]", "\"pusher:ping\"", "42", "null", "true"})
    void json_that_is_not_an_object_is_a_bad_message(String text) {
        ProtocolException e = refused(text);
        assertEquals(ErrorCode.BAD_MESSAGE, e.code());
        assertTrue(e.getMessage().contains("one JSON object"), e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{}", "{\"data\":{}}", "{\"event\":null}", "{\"event\":42}", "{\"event\":{}}",
            "{\"event\":[\"pusher:ping\"]}", "{\"event\":\"\"}"})
    void a_missing_empty_or_non_string_event_is_a_bad_message(String text) {
        ProtocolException e = refused(text);
        assertEquals(ErrorCode.BAD_MESSAGE, e.code());
        assertTrue(e.getMessage().contains("'event'"), e.getMessage());
    }

    @Test
    void data_object_returns_object_data_as_is() {
        InboundFrame frame = InboundFrame.parse("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"a\"}}");
        assertEquals("a", frame.dataObject().getString("channel"));
    }

    @Test
    void data_object_parses_a_string_that_holds_an_object() {
        InboundFrame frame = InboundFrame.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":\"{\\\"channel\\\":\\\"presence-a\\\",\\\"channel_data\\\":\\\"{\\\\\\\"user_id\\\\\\\":1}\\\"}\"}");
        JsonObject data = frame.dataObject();
        assertEquals("presence-a", data.getString("channel"));
        assertEquals("{\"user_id\":1}", data.getString("channel_data"));
    }

    @ParameterizedTest(name = "data {0}")
    @ValueSource(strings = {"\"[1,2]\"", "\"not json\"", "\"\"", "\"42\"", "42", "[{}]", "true", "null"})
    void data_object_refuses_data_that_is_not_an_object(String data) {
        InboundFrame frame = InboundFrame.parse("{\"event\":\"pusher:subscribe\",\"data\":" + data + "}");
        ProtocolException e = assertThrows(ProtocolException.class, frame::dataObject);
        assertEquals(ErrorCode.BAD_MESSAGE, e.code());
        assertTrue(e.getMessage().contains("pusher:subscribe"), e.getMessage());
    }

    @Test
    void data_object_refuses_missing_data() {
        InboundFrame frame = InboundFrame.parse("{\"event\":\"pusher:unsubscribe\"}");
        assertEquals(ErrorCode.BAD_MESSAGE, assertThrows(ProtocolException.class, frame::dataObject).code());
    }

    @Test
    void text_returns_a_string_member() {
        JsonObject data = Json.createObjectBuilder().add("channel", "private-a").build();
        assertEquals("private-a", InboundFrame.text(data, "channel", "pusher:subscribe"));
    }

    @Test
    void text_returns_null_for_an_absent_or_null_member() {
        JsonObject data = Json.createObjectBuilder().add("auth", JsonValue.NULL).build();
        assertNull(InboundFrame.text(data, "auth", "pusher:subscribe"));
        assertNull(InboundFrame.text(data, "channel_data", "pusher:subscribe"));
    }

    @Test
    void text_refuses_a_non_string_member_naming_it() {
        JsonObject data = Json.createObjectBuilder()
                .add("channel_data", Json.createObjectBuilder().add("user_id", 1)).build();
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> InboundFrame.text(data, "channel_data", "pusher:subscribe"));
        assertEquals(ErrorCode.BAD_MESSAGE, e.code());
        assertTrue(e.getMessage().contains("'channel_data' must be a string"), e.getMessage());
        assertTrue(e.getMessage().contains("pusher:subscribe"), e.getMessage());
    }

    @Test
    void text_refuses_a_number_member() {
        JsonObject data = Json.createObjectBuilder().add("channel", 5).build();
        assertThrows(ProtocolException.class, () -> InboundFrame.text(data, "channel", "pusher:subscribe"));
    }

    @org.junit.jupiter.api.Test
    void a_second_object_after_the_frame_is_a_bad_message() {
        ProtocolException error = org.junit.jupiter.api.Assertions.assertThrows(ProtocolException.class,
                () -> InboundFrame.parse("{\"event\":\"pusher:ping\"}{\"event\":\"x\"}"));
        org.junit.jupiter.api.Assertions.assertEquals(ErrorCode.BAD_MESSAGE, error.code());
    }
}
