package io.zintrust.socket.channel;

import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscribing to public, private and encrypted channels, and every way a subscription can fail. */
class SubscriptionIT extends ArquillianIT {

    private static final Duration QUIET = Duration.ofMillis(500);

    @Test
    void a_public_channel_subscription_succeeds_with_data_as_the_string_empty_object() {
        PusherSocket socket = connect();
        socket.subscribe("orders");
        JsonObject succeeded = socket.subscribed("orders");
        assertEquals(JsonValue.ValueType.STRING, succeeded.get("data").getValueType());
        assertEquals("{}", succeeded.getString("data"));
    }

    @Test
    void a_public_subscriber_receives_events_published_to_its_channel() {
        PusherSocket socket = subscribedTo("news");
        trigger("news", "breaking", Map.of("headline", "hello"));
        JsonObject event = socket.await("breaking", "news");
        assertEquals("{\"headline\":\"hello\"}", event.getString("data"));
    }

    @Test
    void a_private_channel_subscription_with_a_valid_signature_succeeds() {
        PusherSocket socket = privatelySubscribedTo("private-orders");
        trigger("private-orders", "paid", Map.of("id", 42));
        assertEquals("{\"id\":42}", socket.await("paid", "private-orders").getString("data"));
    }

    @Test
    void an_encrypted_channel_is_authorized_like_a_private_channel() {
        PusherSocket socket = privatelySubscribedTo("private-encrypted-vault");
        trigger("private-encrypted-vault", "sealed", Map.of("secret", "text"));
        // The SDK encrypted the payload; the server forwards the nonce/ciphertext string untouched.
        JsonObject sealed = PusherSocket.parse(socket.await("sealed", "private-encrypted-vault").getString("data"));
        assertTrue(sealed.containsKey("nonce") && sealed.containsKey("ciphertext"), sealed.toString());
    }

    @Test
    void a_private_subscription_with_a_wrong_signature_gets_a_channel_scoped_auth_error_and_the_socket_stays_open() {
        PusherSocket socket = connect();
        socket.subscribe("private-orders", TestApp.KEY + ":" + "0".repeat(64), null);
        JsonObject error = socket.await("pusher:subscription_error", "private-orders");
        JsonObject data = error.getJsonObject("data");
        assertEquals("AuthError", data.getString("type"));
        assertEquals(401, data.getInt("status"));
        socket.assertNo("pusher_internal:subscription_succeeded", "private-orders", QUIET);
        socket.assertAlive();
    }

    @Test
    void a_private_subscription_without_auth_is_refused() {
        PusherSocket socket = connect();
        socket.subscribe("private-orders");
        assertEquals(401, socket.await("pusher:subscription_error", "private-orders").getJsonObject("data").getInt("status"));
        socket.assertAlive();
    }

    @Test
    void a_signature_made_for_another_socket_is_refused() {
        PusherSocket socket = connect();
        PusherSocket other = connect();
        socket.subscribeWith("private-orders", pusher.authenticate(other.socketId(), "private-orders"));
        assertEquals("AuthError", socket.await("pusher:subscription_error", "private-orders")
                .getJsonObject("data").getString("type"));
    }

    @Test
    void a_signature_made_with_another_apps_key_and_secret_is_refused() {
        PusherSocket socket = connect();
        var stranger = TestApp.pusher(server, "other-app", "other-key", "other-secret");
        socket.subscribeWith("private-orders", stranger.authenticate(socket.socketId(), "private-orders"));
        assertEquals(401, socket.await("pusher:subscription_error", "private-orders").getJsonObject("data").getInt("status"));
        var sameKeyWrongSecret = TestApp.pusher(server, TestApp.ID, TestApp.KEY, "not-the-secret");
        socket.subscribeWith("private-orders", sameKeyWrongSecret.authenticate(socket.socketId(), "private-orders"));
        assertEquals(401, socket.await("pusher:subscription_error", "private-orders").getJsonObject("data").getInt("status"));
        socket.assertAlive();
    }

    @Test
    void a_channel_name_with_forbidden_characters_gets_an_invalid_channel_error() {
        PusherSocket socket = connect();
        socket.subscribe("orders!");
        JsonObject data = socket.await("pusher:subscription_error", "orders!").getJsonObject("data");
        assertEquals(400, data.getInt("status"));
        assertTrue(data.getString("error").contains("characters"), data.toString());
        socket.assertAlive();
    }

    @Test
    void a_channel_name_over_200_characters_is_refused_and_200_is_accepted() {
        PusherSocket socket = connect();
        String longest = "c".repeat(200);
        socket.subscribe(longest);
        socket.subscribed(longest);
        String tooLong = "c".repeat(201);
        socket.subscribe(tooLong);
        assertEquals(400, socket.await("pusher:subscription_error", tooLong).getJsonObject("data").getInt("status"));
    }

    @Test
    void a_server_to_user_channel_is_refused_to_a_socket_that_has_not_signed_in() {
        PusherSocket socket = connect();
        socket.subscribe("#server-to-user-7", "", null);
        assertEquals("AuthError", socket.await("pusher:subscription_error", "#server-to-user-7")
                .getJsonObject("data").getString("type"));
        socket.assertAlive();
    }

    @Test
    void subscribing_twice_never_doubles_deliveries() {
        PusherSocket socket = subscribedTo("twice");
        socket.subscribe("twice");
        socket.subscribed("twice");
        trigger("twice", "once", "1");
        socket.await("once", "twice");
        socket.assertNo("once", "twice", QUIET);
    }

    @Test
    void after_unsubscribing_a_socket_receives_no_more_events_of_that_channel() {
        PusherSocket socket = subscribedTo("leaving");
        socket.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"leaving\"}}");
        socket.assertAlive(); // the unsubscribe was handled before this pong
        trigger("leaving", "late", "1");
        socket.assertNo("late", "leaving", QUIET);
    }

    @Test
    void subscribe_data_sent_as_a_json_string_is_accepted() {
        PusherSocket socket = connect();
        socket.send("{\"event\":\"pusher:subscribe\",\"data\":\"{\\\"channel\\\":\\\"stringly\\\"}\"}");
        socket.subscribed("stringly");
    }

    @Test
    void a_subscriber_of_one_channel_gets_nothing_from_another() {
        PusherSocket socket = subscribedTo("mine");
        trigger("theirs", "noise", "1");
        trigger("mine", "signal", "1");
        socket.await("signal", "mine");
        socket.assertNo("noise", null, QUIET);
    }

    @Test
    void a_socket_may_hold_at_most_1000_subscriptions_and_stays_open_past_that() {
        PusherSocket socket = connect();
        for (int i = 0; i < 1000; i++) {
            socket.subscribe("many-" + i);
        }
        socket.subscribed("many-999");
        socket.subscribe("many-1000");
        assertEquals("LimitReached", socket.await("pusher:subscription_error", "many-1000")
                .getJsonObject("data").getString("type"));
        socket.assertAlive();
    }
}
