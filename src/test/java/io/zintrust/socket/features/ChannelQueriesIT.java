package io.zintrust.socket.features;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;
import io.zintrust.socket.support.AppsFileServer;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.Loopback;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API's channel queries and batch publishing, signed by the official Java server SDK. */
class ChannelQueriesIT {

    @RegisterExtension
    static final PayaraServer payara = AppsFileServer.shared();
    private static Loopback server;
    private static Pusher sdk;

    @BeforeAll
    static void start() {
        server = payara.server();
        sdk = AppsFileServer.sdk(server, "other");
    }

    private PusherSocket join(String channel, String user) {
        PusherSocket socket = payara.connect("/app/other-key?protocol=7");
        if (user != null) {
            socket.subscribeWith(channel, sdk.authenticate(socket.socketId(), channel, new PresenceUser(user)));
        } else {
            socket.subscribe(channel);
        }
        socket.subscribed(channel);
        return socket;
    }

    private static JsonObject ok(com.pusher.rest.data.Result result) {
        assertEquals(200, result.getHttpStatus(), result.getMessage());
        return PusherSocket.parse(result.getMessage());
    }

    @Test
    void channels_lists_only_occupied_channels_filtered_by_prefix_with_counts() {
        join("presence-q-room", "1");
        join("presence-q-room", "2");
        join("presence-q-room", "2");
        join("q-public", null);
        JsonObject presence = ok(sdk.get("/channels", Map.of("filter_by_prefix", "presence-q-", "info", "user_count,subscription_count")))
                .getJsonObject("channels");
        assertEquals(1, presence.size(), presence.toString());
        assertEquals(2, presence.getJsonObject("presence-q-room").getInt("user_count"));
        assertEquals(3, presence.getJsonObject("presence-q-room").getInt("subscription_count"));
        JsonObject all = ok(sdk.get("/channels", Map.of("filter_by_prefix", "q-"))).getJsonObject("channels");
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, all.getJsonObject("q-public"));
    }

    @Test
    void user_count_in_the_channel_list_needs_the_presence_prefix() {
        var answer = sdk.get("/channels", Map.of("info", "user_count"));
        assertEquals(400, answer.getHttpStatus());
    }

    @Test
    void one_channel_reports_occupied_and_counts_and_an_empty_one_is_not_occupied() {
        join("presence-q-one", "7");
        JsonObject channel = ok(sdk.get("/channels/presence-q-one", Map.of("info", "user_count,subscription_count")));
        assertTrue(channel.getBoolean("occupied"));
        assertEquals(1, channel.getInt("user_count"));
        assertEquals(1, channel.getInt("subscription_count"));
        JsonObject empty = ok(sdk.get("/channels/nobody-here", Map.of()));
        assertFalse(empty.getBoolean("occupied"));
        assertEquals(400, sdk.get("/channels/public-x", Map.of("info", "user_count")).getHttpStatus());
    }

    @Test
    void presence_users_are_listed_once_each_and_only_for_presence_channels() {
        join("presence-q-users", "u1");
        join("presence-q-users", "u2");
        join("presence-q-users", "u1");
        JsonObject users = ok(sdk.get("/channels/presence-q-users/users", Map.of()));
        assertEquals(2, users.getJsonArray("users").size(), users.toString());
        assertEquals("u1", users.getJsonArray("users").getJsonObject(0).getString("id"));
        assertEquals(400, sdk.get("/channels/q-public/users", Map.of()).getHttpStatus());
    }

    @Test
    void a_get_with_a_bad_signature_answers_401() {
        Http.Answer answer = Http.get(server.http("/apps/other/channels?auth_key=other-key&auth_timestamp="
                + (System.currentTimeMillis() / 1000) + "&auth_version=1.0&auth_signature=" + "0".repeat(64)));
        assertEquals(401, answer.status());
    }

    @Test
    void batch_events_are_all_delivered_in_order_and_info_is_answered_per_item() {
        PusherSocket socket = join("q-batch", null);
        List<com.pusher.rest.data.Event> batch = List.of(
                new com.pusher.rest.data.Event("q-batch", "first", "1"),
                new com.pusher.rest.data.Event("q-batch", "second", "2"));
        ok(sdk.trigger(batch));
        socket.await("first", "q-batch");
        socket.await("second", "q-batch");
        Http.Answer withInfo = Http.postJson(server.http("/apps/other/batch_events"),
                "{\"batch\":[{\"name\":\"a\",\"channel\":\"q-batch\",\"data\":\"x\",\"info\":\"subscription_count\"},"
                        + "{\"name\":\"b\",\"channel\":\"q-batch\",\"data\":\"y\"}]}",
                "Authorization", "Bearer other-secret");
        assertEquals(200, withInfo.status(), withInfo.body());
        assertEquals(1, withInfo.json().getJsonArray("batch").getJsonObject(0).getInt("subscription_count"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, withInfo.json().getJsonArray("batch").getJsonObject(1));
    }

    @Test
    void a_batch_with_one_invalid_item_publishes_nothing() {
        PusherSocket socket = join("q-atomic", null);
        Http.Answer answer = Http.postJson(server.http("/apps/other/batch_events"),
                "{\"batch\":[{\"name\":\"ok\",\"channel\":\"q-atomic\",\"data\":\"x\"},{\"name\":\"bad\",\"channel\":\"bad channel\",\"data\":\"y\"}]}",
                "Authorization", "Bearer other-secret");
        assertEquals(400, answer.status());
        assertTrue(answer.error().startsWith("batch[1]"), answer.body());
        socket.assertNo("ok", "q-atomic", java.time.Duration.ofMillis(400));
    }
}
