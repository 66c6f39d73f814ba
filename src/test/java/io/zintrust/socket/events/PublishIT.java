package io.zintrust.socket.events;

import com.pusher.rest.data.PresenceUser;
import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.SignedRequest;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /apps/{appId}/events: the three authorizations, the body rules and every error answer. */
class PublishIT extends ArquillianIT {

    private static final Duration QUIET = Duration.ofMillis(500);
    private static final String EVENTS = "/apps/" + TestApp.ID + "/events";

    private Http.Answer bearer(String body) {
        return Http.postJson(server.http(EVENTS), body, "Authorization", "Bearer " + TestApp.SECRET);
    }

    private Http.Answer signed(String body, long timestamp, String bodyMd5) {
        Map<String, String> params = SignedRequest.authParams(TestApp.KEY, timestamp, body);
        params.put("body_md5", bodyMd5);
        URI uri = server.http(EVENTS + "?" + SignedRequest.query("POST", EVENTS, params, TestApp.SECRET));
        return Http.postJson(uri, body);
    }

    @Test
    void a_bearer_secret_publish_is_delivered_with_the_data_string_byte_for_byte() {
        PusherSocket socket = subscribedTo("orders");
        String data = "{\"id\":42, \"note\":\"caf\\u00e9 \\\"quoted\\\"\",\"n\":1.50}";
        Http.Answer answer = bearer("{\"name\":\"updated\",\"channel\":\"orders\",\"data\":" + quote(data) + "}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{}", answer.body());
        assertEquals(data, socket.await("updated", "orders").getString("data"));
    }

    @Test
    void a_publish_with_the_zintrust_secret_header_and_event_and_object_data_is_delivered_serialized_once() {
        PusherSocket socket = subscribedTo("plain-orders");
        Http.Answer answer = Http.postJson(server.http(EVENTS),
                "{\"event\":\"orders.updated\",\"channels\":[\"plain-orders\"],\"data\":{\"orderId\":42,\"status\":\"paid\"}}",
                "x-zintrust-socket-secret", TestApp.SECRET);
        assertEquals(200, answer.status(), answer.body());
        JsonObject delivered = PusherSocket.parse(socket.await("orders.updated", "plain-orders").getString("data"));
        assertEquals(42, delivered.getInt("orderId"));
        assertEquals("paid", delivered.getString("status"));
    }

    @Test
    void a_publish_signed_by_the_official_java_sdk_is_delivered() {
        PusherSocket socket = privatelySubscribedTo("private-signed");
        trigger("private-signed", "shipped", Map.of("id", 7));
        assertEquals("{\"id\":7}", socket.await("shipped", "private-signed").getString("data"));
    }

    @Test
    void one_publish_reaches_every_listed_channel() {
        PusherSocket a = subscribedTo("multi-a");
        PusherSocket b = subscribedTo("multi-b");
        var result = pusher.trigger(List.of("multi-a", "multi-b"), "fanned", "x");
        assertEquals(200, result.getHttpStatus());
        a.await("fanned", "multi-a");
        b.await("fanned", "multi-b");
    }

    @Test
    void the_socket_named_in_socket_id_is_left_out_of_the_delivery() {
        PusherSocket author = subscribedTo("excluded");
        PusherSocket reader = subscribedTo("excluded");
        var result = pusher.trigger("excluded", "edit", "x", author.socketId());
        assertEquals(200, result.getHttpStatus());
        reader.await("edit", "excluded");
        author.assertNo("edit", "excluded", QUIET);
    }

    @Test
    void info_asks_for_subscription_and_user_counts_per_channel() {
        subscribedTo("counted");
        subscribedTo("counted");
        Http.Answer answer = bearer("{\"name\":\"n\",\"channels\":[\"counted\"],\"data\":\"x\",\"info\":\"subscription_count\"}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(2, answer.json().getJsonObject("channels").getJsonObject("counted").getInt("subscription_count"));
        Http.Answer users = bearer("{\"name\":\"n\",\"channel\":\"presence-empty\",\"data\":\"x\",\"info\":\"user_count,subscription_count\"}");
        JsonObject counts = users.json().getJsonObject("channels").getJsonObject("presence-empty");
        assertEquals(0, counts.getInt("user_count"));
        assertEquals(0, counts.getInt("subscription_count"));
    }

    @Test
    void info_user_count_on_presence_and_other_channels_delivers_the_event_and_counts_users_of_the_presence_ones() {
        PusherSocket member = joined("presence-mixed", new PresenceUser("u1"));
        PusherSocket reader = subscribedTo("mixed-public");
        var result = pusher.post("/events", "{\"name\":\"mixed\",\"channels\":[\"presence-mixed\",\"mixed-public\"],"
                + "\"data\":\"x\",\"info\":\"user_count,subscription_count\"}");
        assertEquals(200, result.getHttpStatus(), result.getMessage());
        member.await("mixed", "presence-mixed");
        reader.await("mixed", "mixed-public");
        JsonObject channels = PusherSocket.parse(result.getMessage()).getJsonObject("channels");
        assertEquals(1, channels.getJsonObject("presence-mixed").getInt("user_count"), channels.toString());
        assertEquals(1, channels.getJsonObject("presence-mixed").getInt("subscription_count"), channels.toString());
        assertEquals(1, channels.getJsonObject("mixed-public").getInt("subscription_count"), channels.toString());
        assertFalse(channels.getJsonObject("mixed-public").containsKey("user_count"), channels.toString());
    }

    @Test
    void info_user_count_on_one_public_channel_delivers_the_event_with_an_empty_hash_for_it() {
        PusherSocket reader = subscribedTo("lonely-public");
        var result = pusher.post("/events", "{\"name\":\"lonely\",\"channel\":\"lonely-public\",\"data\":\"x\","
                + "\"info\":\"user_count\"}");
        assertEquals(200, result.getHttpStatus(), result.getMessage());
        reader.await("lonely", "lonely-public");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, PusherSocket.parse(result.getMessage()).getJsonObject("channels")
                .getJsonObject("lonely-public"));
    }

    @Test
    void batch_info_user_count_counts_users_of_presence_channels_and_leaves_it_out_for_the_others() {
        PusherSocket member = joined("presence-batch-mixed", new PresenceUser("u2"));
        PusherSocket reader = subscribedTo("batch-mixed-public");
        var result = pusher.post("/batch_events", "{\"batch\":["
                + "{\"name\":\"b1\",\"channel\":\"presence-batch-mixed\",\"data\":\"x\",\"info\":\"user_count\"},"
                + "{\"name\":\"b2\",\"channel\":\"batch-mixed-public\",\"data\":\"y\",\"info\":\"user_count,subscription_count\"}]}");
        assertEquals(200, result.getHttpStatus(), result.getMessage());
        member.await("b1", "presence-batch-mixed");
        reader.await("b2", "batch-mixed-public");
        var answers = PusherSocket.parse(result.getMessage()).getJsonArray("batch");
        assertEquals(1, answers.getJsonObject(0).getInt("user_count"), answers.toString());
        assertEquals(1, answers.getJsonObject(1).getInt("subscription_count"), answers.toString());
        assertFalse(answers.getJsonObject(1).containsKey("user_count"), answers.toString());
    }

    @Test
    void a_wrong_bearer_secret_answers_403_socket_publish_secret_is_invalid() {
        Http.Answer answer = Http.postJson(server.http(EVENTS), "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}",
                "Authorization", "Bearer nope");
        assertEquals(403, answer.status());
        assertEquals("Socket publish secret is invalid", answer.error());
        Http.Answer header = Http.postJson(server.http(EVENTS), "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}",
                "x-zintrust-socket-secret", "nope");
        assertEquals(403, header.status());
        assertEquals("Socket publish secret is invalid", header.error());
    }

    @Test
    void a_publish_without_any_authorization_answers_401() {
        Http.Answer answer = Http.postJson(server.http(EVENTS), "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}");
        assertEquals(401, answer.status());
        assertTrue(answer.error().contains("auth_signature"), answer.body());
    }

    @Test
    void a_correctly_signed_request_is_accepted_and_a_wrong_signature_answers_401() {
        String body = "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}";
        assertEquals(200, signed(body, SignedRequest.now(), SignedRequest.md5(body)).status());
        URI tampered = server.http(EVENTS + "?" + SignedRequest.query("POST", EVENTS,
                SignedRequest.authParams(TestApp.KEY, SignedRequest.now(), body), "wrong-secret"));
        Http.Answer answer = Http.postJson(tampered, body);
        assertEquals(401, answer.status());
        assertTrue(answer.error().startsWith("Invalid signature"), answer.body());
    }

    @Test
    void a_signature_older_than_600_seconds_answers_401() {
        String body = "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}";
        Http.Answer answer = signed(body, SignedRequest.now() - 700, SignedRequest.md5(body));
        assertEquals(401, answer.status());
        assertTrue(answer.error().contains("Timestamp"), answer.body());
    }

    @Test
    void a_body_that_does_not_match_body_md5_answers_401() {
        String body = "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}";
        Http.Answer answer = signed(body, SignedRequest.now(), SignedRequest.md5(body.replace("x", "y")));
        assertEquals(401, answer.status());
        assertTrue(answer.error().contains("body_md5"), answer.body());
    }

    @Test
    void another_apps_key_is_refused_with_401() {
        String body = "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}";
        URI uri = server.http(EVENTS + "?" + SignedRequest.query("POST", EVENTS,
                SignedRequest.authParams("other-key", SignedRequest.now(), body), TestApp.SECRET));
        assertEquals(401, Http.postJson(uri, body).status());
    }

    @Test
    void an_unknown_app_id_answers_404() {
        Http.Answer answer = Http.postJson(server.http("/apps/nobody/events"),
                "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}", "Authorization", "Bearer " + TestApp.SECRET);
        assertEquals(404, answer.status());
        assertTrue(answer.error().contains("nobody"), answer.body());
    }

    @Test
    void data_over_10_kilobytes_answers_413_and_exactly_10_kilobytes_is_accepted() {
        assertEquals(200, bearer("{\"name\":\"n\",\"channel\":\"c\",\"data\":\"" + "a".repeat(10240) + "\"}").status());
        Http.Answer answer = bearer("{\"name\":\"n\",\"channel\":\"c\",\"data\":\"" + "a".repeat(10241) + "\"}");
        assertEquals(413, answer.status());
        assertTrue(answer.error().contains("10240"), answer.body());
    }

    @Test
    void invalid_bodies_answer_400_with_a_json_error_saying_what_is_wrong() {
        Map<String, String> cases = Map.of(
                "not json", "Invalid JSON",
                "{\"channel\":\"c\",\"data\":\"x\"}", "event name",
                "{\"name\":\"n\",\"data\":\"x\"}", "channels",
                "{\"name\":\"n\",\"channel\":\"c\"}", "data",
                "{\"name\":\"n\",\"channel\":\"bad channel\",\"data\":\"x\"}", "Invalid channel",
                "{\"name\":\"n\",\"channels\":\"c\",\"data\":\"x\"}", "array",
                "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\",\"socket_id\":\"abc\"}", "socket_id",
                "{\"name\":\"n\",\"channels\":[\"private-encrypted-a\",\"b\"],\"data\":\"x\"}", "encrypted");
        cases.forEach((body, expected) -> {
            Http.Answer answer = bearer(body);
            assertEquals(400, answer.status(), body + " -> " + answer.body());
            assertTrue(answer.error().contains(expected), body + " -> " + answer.body());
        });
    }

    @Test
    void more_than_100_channels_answers_400() {
        StringBuilder channels = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            channels.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        Http.Answer answer = bearer("{\"name\":\"n\",\"channels\":" + channels + "],\"data\":\"x\"}");
        assertEquals(400, answer.status());
        assertTrue(answer.error().contains("100"), answer.body());
    }

    @Test
    void an_unknown_route_under_the_api_answers_a_json_404() {
        Http.Answer answer = Http.get(server.http("/apps/" + TestApp.ID + "/nothing-here"));
        assertEquals(404, answer.status());
        assertTrue(answer.json().containsKey("error"), answer.body());
    }

    private static String quote(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
