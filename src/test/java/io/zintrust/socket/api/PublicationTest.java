package io.zintrust.socket.api;

import io.zintrust.socket.http.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validating POST /apps/{id}/events bodies. */
class PublicationTest {

    static Publication parse(String json) {
        return Publication.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObjectBuilder body() {
        return Json.createObjectBuilder().add("name", "order.shipped").add("channel", "private-orders").add("data", "{}");
    }

    static JsonArrayBuilder channels(int count) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            array.add("channel-" + i);
        }
        return array;
    }

    static ApiException refused(JsonObject body, int status, String fragment) {
        ApiException e = assertThrows(ApiException.class, () -> Publication.from(body));
        assertEquals(status, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        return e;
    }

    @Test
    void the_documented_sdk_body_is_accepted() {
        Publication publication = parse(
                "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}");
        assertEquals("foo", publication.event());
        assertEquals(List.of("project-3"), publication.channels());
        assertEquals("{\"some\":\"data\"}", publication.data());
        assertNull(publication.socketId());
        assertEquals(Set.of(), publication.info());
    }

    @Test
    void event_is_accepted_in_place_of_name() {
        Publication publication = parse("{\"event\":\"order.shipped\",\"channel\":\"a\",\"data\":\"x\"}");
        assertEquals("order.shipped", publication.event());
    }

    @Test
    void name_wins_over_event_when_both_are_given() {
        assertEquals("by-name",
                parse("{\"name\":\"by-name\",\"event\":\"by-event\",\"channel\":\"a\",\"data\":\"x\"}").event());
    }

    @Test
    void a_missing_event_name_is_refused_with_400() {
        refused(Json.createObjectBuilder().add("channel", "a").add("data", "x").build(), 400, "Missing event name");
    }

    @Test
    void an_empty_event_name_is_refused_with_400() {
        refused(body().add("name", "").build(), 400, "Missing event name");
    }

    @Test
    void an_event_name_of_200_characters_is_accepted_and_201_refused() {
        assertEquals(200, Publication.from(body().add("name", "e".repeat(200)).build()).event().length());
        refused(body().add("name", "e".repeat(201)).build(), 400, "200");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pusher:subscribe", "pusher:connection_established", "pusher_internal:member_added"})
    void reserved_event_names_are_refused_with_400(String name) {
        refused(body().add("name", name).build(), 400, "reserved");
    }

    @Test
    void an_event_name_merely_containing_pusher_is_accepted() {
        assertEquals("my-pusher:event", Publication.from(body().add("name", "my-pusher:event").build()).event());
    }

    @Test
    void a_single_channel_is_accepted() {
        assertEquals(List.of("private-orders"), Publication.from(body().build()).channels());
    }

    @Test
    void a_channels_array_keeps_its_order() {
        Publication publication = Publication.from(body()
                .add("channels", Json.createArrayBuilder().add("b").add("presence-a").add("c")).build());
        assertEquals(List.of("b", "presence-a", "c"), publication.channels());
    }

    @Test
    void channels_takes_precedence_over_channel() {
        Publication publication = Publication.from(body()
                .add("channel", "single").add("channels", Json.createArrayBuilder().add("listed")).build());
        assertEquals(List.of("listed"), publication.channels());
    }

    @Test
    void no_channel_at_all_is_refused_with_400() {
        refused(Json.createObjectBuilder().add("name", "e").add("data", "x").build(), 400, "Missing channels");
    }

    @Test
    void an_empty_channels_array_is_refused_with_400() {
        refused(body().remove("channel").add("channels", Json.createArrayBuilder()).build(), 400, "Missing channels");
    }

    @Test
    void one_hundred_channels_are_accepted() {
        assertEquals(100, Publication.from(body().add("channels", channels(100)).build()).channels().size());
    }

    @Test
    void one_hundred_and_one_channels_are_refused_with_400() {
        refused(body().add("channels", channels(101)).build(), 400, "Too many channels");
    }

    @Test
    void channels_that_is_not_an_array_is_refused_with_400() {
        refused(body().add("channels", "a,b").build(), 400, "'channels' must be an array");
    }

    @Test
    void a_non_string_channel_in_the_array_is_refused_with_400() {
        refused(body().add("channels", Json.createArrayBuilder().add("a").add(5)).build(), 400,
                "'channels' must hold channel names as strings");
    }

    @Test
    void duplicate_channels_collapse_keeping_first_order() {
        Publication publication = Publication.from(body()
                .add("channels", Json.createArrayBuilder().add("b").add("a").add("b").add("a").add("c")).build());
        assertEquals(List.of("b", "a", "c"), publication.channels());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"has space", "a:b", "", "#server-to-user-", "caf\u00e9"})
    void an_invalid_channel_name_is_refused_with_400(String name) {
        refused(body().add("channel", name).build(), 400, "Invalid channel");
    }

    @Test
    void a_201_character_channel_name_is_refused_with_400() {
        refused(body().add("channel", "c".repeat(201)).build(), 400, "Invalid channel");
    }

    @Test
    void one_invalid_name_among_valid_ones_refuses_the_whole_request() {
        refused(body().add("channels", Json.createArrayBuilder().add("ok-1").add("not ok")).build(), 400,
                "Invalid channel");
    }

    @Test
    void an_encrypted_channel_alone_is_accepted() {
        assertEquals(List.of("private-encrypted-x"),
                Publication.from(body().add("channel", "private-encrypted-x").build()).channels());
    }

    @Test
    void an_encrypted_channel_together_with_another_is_refused_with_400() {
        refused(body().add("channels", Json.createArrayBuilder().add("private-encrypted-x").add("private-y")).build(),
                400, "encrypted");
        refused(body().add("channels", Json.createArrayBuilder().add("public").add("private-encrypted-cache-x")).build(),
                400, "encrypted");
    }

    @Test
    void a_server_to_user_channel_is_accepted() {
        assertEquals(List.of("#server-to-user-7"),
                Publication.from(body().add("channel", "#server-to-user-7").build()).channels());
    }

    @Test
    void string_data_is_kept_verbatim() {
        String data = "{ \"id\" : 42, \"price\": 1.50, \"big\": 12345678901234567890, \"s\": \"\\u00e9\\n\" }";
        assertEquals(data, Publication.from(body().add("data", data).build()).data());
    }

    @Test
    void string_data_from_raw_bytes_is_unescaped_once_only() {
        Publication publication = parse("{\"name\":\"e\",\"channel\":\"a\",\"data\":\"{\\\"a\\\":\\\"\\\\u00e9\\\"}\"}");
        assertEquals("{\"a\":\"\\u00e9\"}", publication.data());
    }

    @Test
    void object_data_is_serialized_once_to_json_text() {
        Publication publication = parse("{\"name\":\"e\",\"channel\":\"a\",\"data\":{\"id\":42,\"tags\":[\"x\"]}}");
        assertEquals("{\"id\":42,\"tags\":[\"x\"]}", publication.data());
    }

    @Test
    void number_data_is_serialized_to_its_json_text() {
        assertEquals("42", parse("{\"name\":\"e\",\"channel\":\"a\",\"data\":42}").data());
    }

    @Test
    void missing_data_is_refused_with_400() {
        refused(body().remove("data").build(), 400, "Missing 'data'");
    }

    @Test
    void data_of_exactly_10240_bytes_is_accepted() {
        String data = "x".repeat(10240);
        assertEquals(data, Publication.from(body().add("data", data).build()).data());
    }

    @Test
    void data_of_10241_bytes_is_refused_with_413() {
        refused(body().add("data", "x".repeat(10241)).build(), 413, "10240");
    }

    @Test
    void the_data_limit_counts_utf8_bytes_not_characters() {
        String twoByteChars = "\u00e9".repeat(5120);
        assertEquals(10240, twoByteChars.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(twoByteChars, Publication.from(body().add("data", twoByteChars).build()).data());
        String oneMore = twoByteChars + "x";
        assertEquals(5121, oneMore.length());
        refused(body().add("data", oneMore).build(), 413, "larger than");
    }

    @Test
    void object_data_over_the_limit_once_serialized_is_refused_with_413() {
        JsonObject big = Json.createObjectBuilder().add("s", "y".repeat(10240)).build();
        refused(body().add("data", big).build(), 413, "larger than");
    }

    @Test
    void a_valid_socket_id_is_kept() {
        assertEquals("1234.5678", Publication.from(body().add("socket_id", "1234.5678").build()).socketId());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"1234", "1234.", ".5678", "1234:5678", "abc.def", "1234.5678.9", "", " 1234.5678"})
    void an_invalid_socket_id_is_refused_with_400(String socketId) {
        refused(body().add("socket_id", socketId).build(), 400, "Invalid socket_id");
    }

    @Test
    void a_non_string_socket_id_is_refused_with_400() {
        refused(body().add("socket_id", 1234.5678).build(), 400, "'socket_id' must be a string");
    }

    @Test
    void info_lists_the_requested_attributes() {
        Publication publication = Publication.from(body().add("channel", "presence-room")
                .add("info", "user_count, subscription_count").build());
        assertEquals(Set.of("user_count", "subscription_count"), publication.info());
    }

    @Test
    void subscription_count_is_allowed_on_any_channel() {
        assertEquals(Set.of("subscription_count"),
                Publication.from(body().add("info", "subscription_count").build()).info());
    }

    @Test
    void user_count_may_be_asked_of_channels_that_are_not_all_presence_channels() {
        assertEquals(Set.of("user_count"), Publication.from(body().add("info", "user_count").build()).info());
        assertEquals(Set.of("user_count", "subscription_count"), Publication.from(body()
                .add("channels", Json.createArrayBuilder().add("presence-a").add("private-b"))
                .add("info", "user_count,subscription_count").build()).info());
    }

    @Test
    void an_unknown_info_attribute_is_refused_with_400() {
        refused(body().add("info", "subscription_count,members").build(), 400, "Unknown info attribute 'members'");
    }

    @Test
    void a_blank_info_means_no_attributes() {
        assertEquals(Set.of(), Publication.from(body().add("info", " ").build()).info());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "not json", "[]", "\"text\"", "{\"name\":"})
    void a_body_that_is_not_a_json_object_is_refused_with_400(String text) {
        ApiException e = assertThrows(ApiException.class, () -> parse(text));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("Invalid JSON body"), e.getMessage());
    }

    @Test
    void a_non_string_name_is_refused_with_400() {
        refused(body().add("name", 5).build(), 400, "'name' must be a string");
    }

    @Test
    void the_same_encrypted_channel_named_twice_is_one_channel() {
        assertEquals(List.of("private-encrypted-a"),
                parse("{\"name\":\"e\",\"channels\":[\"private-encrypted-a\",\"private-encrypted-a\"],\"data\":\"x\"}").channels());
    }

    @Test
    void null_data_is_missing_data() {
        ApiException error = assertThrows(ApiException.class,
                () -> parse("{\"name\":\"e\",\"channel\":\"a\",\"data\":null}"));
        assertEquals(400, error.status());
    }

    @Test
    void an_empty_name_falls_back_to_event() {
        assertEquals("real", parse("{\"name\":\"\",\"event\":\"real\",\"channel\":\"a\",\"data\":\"x\"}").event());
    }

    @Test
    void text_after_the_body_object_is_refused() {
        assertEquals(400, assertThrows(ApiException.class,
                () -> parse("{\"name\":\"e\",\"channel\":\"a\",\"data\":\"x\"} garbage")).status());
    }
}
