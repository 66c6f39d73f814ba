package io.zintrust.socket.channel;

import com.pusher.rest.data.PresenceUser;
import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.PusherSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** client-* events: where they are allowed, who receives them, and how refusals look. */
class ClientEventsIT extends ArquillianIT {

    private static final Duration QUIET = Duration.ofMillis(500);

    private static String clientEvent(String channel, String data) {
        return "{\"event\":\"client-typing\",\"channel\":\"" + channel + "\",\"data\":" + data + "}";
    }

    private static int rejection(PusherSocket socket) {
        return socket.await("pusher:error").getJsonObject("data").getInt("code");
    }

    @Test
    void a_client_event_on_a_private_channel_reaches_the_other_subscribers_but_not_the_sender() {
        PusherSocket sender = privatelySubscribedTo("private-chat");
        PusherSocket receiver = privatelySubscribedTo("private-chat");
        sender.send(clientEvent("private-chat", "{\"typing\":true}"));
        JsonObject received = receiver.await("client-typing", "private-chat");
        assertTrue(received.getJsonObject("data").getBoolean("typing"), "data keeps its object type");
        assertFalse(received.containsKey("user_id"));
        sender.assertNo("client-typing", "private-chat", QUIET);
    }

    @Test
    void a_client_event_on_a_presence_channel_carries_the_senders_user_id() {
        PusherSocket sender = joined("presence-chat", new PresenceUser("7"));
        PusherSocket receiver = joined("presence-chat", new PresenceUser("9"));
        sender.send(clientEvent("presence-chat", "\"a string payload\""));
        JsonObject received = receiver.await("client-typing", "presence-chat");
        assertEquals("7", received.getString("user_id"));
        assertEquals("a string payload", received.getString("data"));
    }

    @Test
    void a_client_event_on_a_public_channel_is_rejected_with_4301_and_the_socket_stays_open() {
        PusherSocket sender = subscribedTo("lobby");
        PusherSocket receiver = subscribedTo("lobby");
        sender.send(clientEvent("lobby", "{}"));
        assertEquals(4301, rejection(sender));
        receiver.assertNo("client-typing", "lobby", QUIET);
        sender.assertAlive();
    }

    @Test
    void a_client_event_on_an_encrypted_channel_is_rejected_with_4301() {
        PusherSocket sender = privatelySubscribedTo("private-encrypted-chat");
        sender.send(clientEvent("private-encrypted-chat", "{}"));
        assertEquals(4301, rejection(sender));
        sender.assertAlive();
    }

    @Test
    void a_client_event_from_a_socket_that_is_not_subscribed_is_rejected_with_4301() {
        PusherSocket receiver = privatelySubscribedTo("private-closed");
        PusherSocket outsider = connect();
        outsider.send(clientEvent("private-closed", "{}"));
        assertEquals(4301, rejection(outsider));
        receiver.assertNo("client-typing", "private-closed", QUIET);
        outsider.assertAlive();
    }

    @Test
    void a_client_event_without_a_channel_is_rejected_with_4301() {
        PusherSocket sender = connect();
        sender.send("{\"event\":\"client-typing\",\"data\":{}}");
        assertEquals(4301, rejection(sender));
        sender.assertAlive();
    }

    @Test
    void a_client_event_does_not_leak_to_other_channels() {
        PusherSocket sender = privatelySubscribedTo("private-a");
        PusherSocket elsewhere = privatelySubscribedTo("private-b");
        sender.send(clientEvent("private-a", "{}"));
        elsewhere.assertNo("client-typing", null, QUIET);
    }
}
