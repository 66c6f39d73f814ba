package io.zintrust.socket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The double-JSON encoding rules of of the Pusher protocol, checked by parsing what the server would send. */
class FramesTest {

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A string with quotes, backslashes, non-ASCII (BMP and astral), newlines, control chars and JSON text. */
    static final String AWKWARD = "say \"hi\" \\ C:\\path\\n not-a-newline \u00e9\u4e2d\ud83d\ude00 line1\nline2\r\n"
            + "\ttab \u0001\u001f \u2028\u2029 </script> {\"id\":42,\"s\":\"a\\\"b\"}";

    @Test
    void connection_established_carries_its_payload_as_a_json_string() {
        JsonObject frame = json(Frames.connectionEstablished("183905.2289012", 120));
        assertEquals("pusher:connection_established", frame.getString("event"));
        JsonValue data = frame.get("data");
        assertInstanceOf(JsonString.class, data, "data must be a string for the Java client");
        JsonObject payload = json(((JsonString) data).getString());
        assertEquals("183905.2289012", payload.getString("socket_id"));
        assertEquals(120, payload.getInt("activity_timeout"));
        assertEquals(Set.of("socket_id", "activity_timeout"), payload.keySet());
        assertFalse(frame.containsKey("channel"));
    }

    @Test
    void connection_established_puts_the_activity_timeout_as_a_number() {
        String data = json(Frames.connectionEstablished("1.2", 30)).getString("data");
        assertEquals(JsonValue.ValueType.NUMBER, json(data).get("activity_timeout").getValueType());
        assertEquals(30, json(data).getInt("activity_timeout"));
    }

    @Test
    void error_carries_an_object_with_code_and_message() {
        JsonObject frame = json(Frames.error(ErrorCode.UNAUTHORIZED, "Bad \"auth\"\nline"));
        assertEquals("pusher:error", frame.getString("event"));
        JsonObject data = assertInstanceOf(JsonObject.class, frame.get("data"));
        assertEquals(4009, data.getInt("code"));
        assertEquals("Bad \"auth\"\nline", data.getString("message"));
    }

    @Test
    void error_codes_have_the_documented_numbers() {
        assertEquals(4001, ErrorCode.APP_NOT_FOUND.code());
        assertEquals(4201, ErrorCode.PONG_NOT_RECEIVED.code());
        assertEquals(4301, ErrorCode.CLIENT_EVENT_REJECTED.code());
        assertEquals(4302, json(Frames.error(ErrorCode.BAD_MESSAGE, "x")).getJsonObject("data").getInt("code"));
    }

    @Test
    void subscription_succeeded_for_a_non_presence_channel_has_the_string_empty_object() {
        JsonObject frame = json(Frames.subscriptionSucceeded("private-orders", null));
        assertEquals("pusher_internal:subscription_succeeded", frame.getString("event"));
        assertEquals("private-orders", frame.getString("channel"));
        JsonString data = assertInstanceOf(JsonString.class, frame.get("data"));
        assertEquals("{}", data.getString());
    }

    @Test
    void subscription_succeeded_for_presence_has_a_string_holding_the_presence_json() {
        String presence = "{\"presence\":{\"ids\":[\"7\",\"9\"],\"hash\":{\"7\":{\"name\":\"Ada\"},\"9\":null},\"count\":2}}";
        JsonObject frame = json(Frames.subscriptionSucceeded("presence-room-1", presence));
        assertEquals("presence-room-1", frame.getString("channel"));
        JsonString data = assertInstanceOf(JsonString.class, frame.get("data"));
        assertEquals(presence, data.getString());
        assertEquals(2, json(data.getString()).getJsonObject("presence").getInt("count"));
    }

    @Test
    void event_forwards_an_awkward_data_string_byte_for_byte() {
        JsonObject frame = json(Frames.event("order.shipped", "private-orders", AWKWARD));
        assertEquals("order.shipped", frame.getString("event"));
        assertEquals("private-orders", frame.getString("channel"));
        JsonString data = assertInstanceOf(JsonString.class, frame.get("data"));
        assertEquals(AWKWARD, data.getString());
    }

    @Test
    void event_keeps_json_text_data_as_a_string_not_an_object() {
        String data = "{\"id\":42,\"price\":1.50,\"big\":12345678901234567890}";
        JsonObject frame = json(Frames.event("e", "c", data));
        JsonString kept = assertInstanceOf(JsonString.class, frame.get("data"));
        assertEquals(data, kept.getString());
    }

    @Test
    void event_forwards_an_encrypted_payload_verbatim() {
        String data = "{\"nonce\":\"4U9Mj+/dP5Q3Dz0hVG9bgqpCpB+K4Ka3\",\"ciphertext\":\"q6W1e1w/R3o=\"}";
        assertEquals(data, json(Frames.event("secret", "private-encrypted-x", data)).getString("data"));
    }

    @Test
    void event_escapes_names_too() {
        JsonObject frame = json(Frames.event("odd\"name\\", "c", ""));
        assertEquals("odd\"name\\", frame.getString("event"));
        assertEquals("", frame.getString("data"));
    }

    @Test
    void client_event_keeps_object_data_as_an_object_and_omits_user_id_when_not_given() {
        JsonObject frame = json(Frames.clientEvent("client-typing", "private-chat-1", "{\"typing\":true}", null));
        assertEquals("client-typing", frame.getString("event"));
        assertEquals("private-chat-1", frame.getString("channel"));
        JsonObject data = assertInstanceOf(JsonObject.class, frame.get("data"));
        assertTrue(data.getBoolean("typing"));
        assertFalse(frame.containsKey("user_id"));
    }

    @Test
    void client_event_adds_user_id_when_given() {
        JsonObject frame = json(Frames.clientEvent("client-typing", "presence-room", "{\"typing\":true}", "7"));
        assertEquals("7", frame.getString("user_id"));
        assertInstanceOf(JsonObject.class, frame.get("data"));
    }

    @Test
    void client_event_keeps_string_data_as_a_string() {
        JsonObject frame = json(Frames.clientEvent("client-x", "private-c", "\"{\\\"a\\\":1}\"", null));
        JsonString data = assertInstanceOf(JsonString.class, frame.get("data"));
        assertEquals("{\"a\":1}", data.getString());
    }

    @Test
    void quote_escapes_quotes_backslashes_and_the_named_control_characters() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\"", Frames.quote("a\"b\\c\n\r\t\b\f"));
    }

    @Test
    void quote_escapes_other_control_characters_as_unicode_escapes() {
        assertEquals("\"\\u0000\\u0001\\u001f\"", Frames.quote("\u0000\u0001\u001f"));
    }

    @Test
    void quote_escapes_the_javascript_line_separators() {
        String quoted = Frames.quote("a\u2028b\u2029c");
        assertEquals("\"a\\u2028b\\u2029c\"", quoted);
        assertFalse(quoted.contains("\u2028"));
        assertFalse(quoted.contains("\u2029"));
    }

    @Test
    void quote_leaves_other_characters_alone() {
        assertEquals("\"\u00e9\u4e2d\ud83d\ude00 /<>'\u007f\"", Frames.quote("\u00e9\u4e2d\ud83d\ude00 /<>'\u007f"));
    }

    @Test
    void quote_round_trips_through_a_json_parser() {
        String parsed = json("{\"v\":" + Frames.quote(AWKWARD) + "}").getString("v");
        assertEquals(AWKWARD, parsed);
    }

    @Test
    void ping_and_pong_constants_are_the_protocol_frames() {
        assertEquals("pusher:ping", json(Frames.PING).getString("event"));
        assertEquals("pusher:pong", json(Frames.PONG).getString("event"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, json(Frames.PONG).getJsonObject("data"));
    }

    @org.junit.jupiter.api.Test
    void signin_success_carries_user_data_as_a_string_inside_an_object() {
        jakarta.json.JsonObject frame = jakarta.json.Json.createReader(new java.io.StringReader(
                Frames.signinSuccess("{\"id\":\"7\"}"))).readObject();
        org.junit.jupiter.api.Assertions.assertEquals("{\"id\":\"7\"}", frame.getJsonObject("data").getString("user_data"));
    }

    @org.junit.jupiter.api.Test
    void watchlist_events_have_the_shape_pusher_js_reads() {
        jakarta.json.JsonObject frame = jakarta.json.Json.createReader(new java.io.StringReader(
                Frames.watchlistEvent("online", java.util.List.of("9", "12")))).readObject();
        org.junit.jupiter.api.Assertions.assertEquals("pusher_internal:watchlist_events", frame.getString("event"));
        jakarta.json.JsonObject event = frame.getJsonObject("data").getJsonArray("events").getJsonObject(0);
        org.junit.jupiter.api.Assertions.assertEquals("online", event.getString("name"));
        org.junit.jupiter.api.Assertions.assertEquals(2, event.getJsonArray("user_ids").size());
    }

    @org.junit.jupiter.api.Test
    void subscription_count_travels_as_a_json_string() {
        jakarta.json.JsonObject frame = jakarta.json.Json.createReader(new java.io.StringReader(
                Frames.subscriptionCount("c", 42))).readObject();
        org.junit.jupiter.api.Assertions.assertEquals("{\"subscription_count\":42}", frame.getString("data"));
    }
}
