package io.zintrust.socket.interop;

import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.NodeClient;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pusher-js and laravel-echo from npm, unmodified, against the deployed WAR. */
class PusherJsIT extends ArquillianIT {

    @Test
    void pusher_js_subscribes_to_a_private_channel_through_broadcasting_auth_and_receives_an_event_from_pusher_http_java()
            throws InterruptedException {
        try (NodeClient node = NodeClient.run("private-channel.mjs", "127.0.0.1", Integer.toString(server.port()),
                TestApp.KEY, "private-orders", "order.shipped")) {
            JsonObject subscribed = node.await("subscribed");
            assertTrue(subscribed.getString("socketId").matches("\\d+\\.\\d+"), subscribed.toString());
            trigger("private-orders", "order.shipped", Map.of("id", 42, "status", "shipped"));
            JsonObject event = node.await("event");
            assertEquals(42, event.getJsonObject("data").getInt("id"));
            assertEquals("shipped", event.getJsonObject("data").getString("status"));
            assertEquals(0, node.awaitExit());
        }
    }

    @Test
    void laravel_echo_listens_on_a_private_channel_and_receives_an_event_published_with_a_bearer_secret()
            throws InterruptedException {
        try (NodeClient node = NodeClient.run("echo-private.mjs", "127.0.0.1", Integer.toString(server.port()),
                TestApp.KEY, "orders", "orders.updated")) {
            node.await("subscribed");
            // the README's curl call
            Http.Answer answer = Http.postJson(server.http("/apps/" + TestApp.ID + "/events"),
                    "{\"event\":\"orders.updated\",\"channel\":\"private-orders\",\"data\":{\"orderId\":42,\"status\":\"paid\"}}",
                    "Authorization", "Bearer " + TestApp.SECRET);
            assertEquals(200, answer.status(), answer.body());
            JsonObject event = node.await("event");
            assertEquals(42, event.getJsonObject("data").getInt("orderId"));
            assertEquals("paid", event.getJsonObject("data").getString("status"));
            assertEquals(0, node.awaitExit());
        }
    }
}
