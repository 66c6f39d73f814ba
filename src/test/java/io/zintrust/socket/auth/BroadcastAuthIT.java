package io.zintrust.socket.auth;

import com.pusher.rest.data.PresenceUser;
import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PusherSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /broadcasting/auth with SOCKET_AUTH_POLICY=allow: the answers match the official SDK's, and work. */
class BroadcastAuthIT extends ArquillianIT {

    private Http.Answer authJson(String body) {
        return Http.postJson(server.http("/broadcasting/auth"), body);
    }

    @Test
    void a_json_request_for_a_private_channel_gets_the_same_token_the_official_sdk_computes() {
        Http.Answer answer = authJson("{\"socket_id\":\"1234.1234\",\"channel_name\":\"private-orders\"}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(PusherSocket.parse(pusher.authenticate("1234.1234", "private-orders")), answer.json());
    }

    @Test
    void a_form_request_for_a_presence_channel_gets_auth_and_the_channel_data_back() {
        String channelData = "{\"user_id\":\"7\",\"user_info\":{\"name\":\"Ada\"}}";
        Http.Answer answer = Http.postForm(server.http("/broadcasting/auth"),
                "socket_id=1234.1234&channel_name=presence-room&channel_data="
                        + URLEncoder.encode(channelData, StandardCharsets.UTF_8));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(channelData, answer.json().getString("channel_data"));
        JsonObject sdk = PusherSocket.parse(pusher.authenticate("1234.1234", "presence-room",
                new PresenceUser("7", Map.of("name", "Ada"))));
        // the SDK serializes channel_data itself; sign the same bytes to compare
        Http.Answer same = authJson("{\"socket_id\":\"1234.1234\",\"channel_name\":\"presence-room\",\"channel_data\":"
                + jakarta.json.Json.createValue(sdk.getString("channel_data")) + "}");
        assertEquals(sdk, same.json());
    }

    @Test
    void a_token_from_the_auth_endpoint_subscribes_a_real_socket() {
        PusherSocket socket = connect();
        Http.Answer answer = Http.postForm(server.http("/broadcasting/auth"),
                "socket_id=" + socket.socketId() + "&channel_name=private-real");
        socket.subscribeWith("private-real", answer.body());
        socket.subscribed("private-real");
    }

    @Test
    void a_public_channel_answers_400() {
        Http.Answer answer = authJson("{\"socket_id\":\"1.2\",\"channel_name\":\"public-news\"}");
        assertEquals(400, answer.status());
        assertTrue(answer.error().contains("needs no authorization"), answer.body());
    }

    @Test
    void an_invalid_socket_id_or_channel_name_answers_400() {
        assertEquals(400, authJson("{\"socket_id\":\"abc\",\"channel_name\":\"private-x\"}").status());
        assertEquals(400, authJson("{\"channel_name\":\"private-x\"}").status());
        assertEquals(400, authJson("{\"socket_id\":\"1.2\",\"channel_name\":\"private-x y\"}").status());
        assertEquals(400, authJson("{\"socket_id\":\"1.2\"}").status());
    }

    @Test
    void a_presence_channel_without_channel_data_answers_400() {
        Http.Answer answer = authJson("{\"socket_id\":\"1.2\",\"channel_name\":\"presence-room\"}");
        assertEquals(400, answer.status());
        assertTrue(answer.error().contains("channel_data"), answer.body());
        assertEquals(400, authJson("{\"socket_id\":\"1.2\",\"channel_name\":\"presence-room\",\"channel_data\":\"{}\"}").status());
    }

    @Test
    void a_body_that_is_neither_json_nor_a_form_answers_400() {
        assertEquals(400, authJson("socket_id=").status());
        assertEquals(400, Http.postForm(server.http("/broadcasting/auth"), "socket_id=%zz&channel_name=private-x").status());
    }

    @Test
    void absurd_numbers_and_deep_nesting_in_channel_data_are_a_400_not_a_crash() {
        assertEquals(400, authJson("{\"socket_id\":\"1.2\",\"channel_name\":\"presence-room\","
                + "\"channel_data\":\"{\\\"user_id\\\":1e300000000}\"}").status());
        String deep = "[".repeat(3000) + "]".repeat(3000);
        assertEquals(400, authJson("{\"socket_id\":\"1.2\",\"channel_name\":\"private-x\",\"x\":" + deep + "}").status());
    }
}
