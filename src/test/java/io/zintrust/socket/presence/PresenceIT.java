package io.zintrust.socket.presence;

import com.pusher.rest.data.PresenceUser;
import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presence rosters and member events, with two users and with one user on two sockets. */
class PresenceIT extends ArquillianIT {

    private static final Duration QUIET = Duration.ofMillis(600);
    private static final PresenceUser ADA = new PresenceUser("7", Map.of("name", "Ada"));
    private static final PresenceUser BOB = new PresenceUser("9", Map.of("name", "Bob"));

    private static String hmac(String text) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(TestApp.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject presence(JsonObject succeeded) {
        return PusherSocket.data(succeeded).getJsonObject("presence");
    }

    @Test
    void the_first_member_sees_a_roster_of_itself() {
        PusherSocket ada = connect();
        ada.subscribeWith("presence-solo", pusher.authenticate(ada.socketId(), "presence-solo", ADA));
        JsonObject roster = presence(ada.subscribed("presence-solo"));
        assertEquals(List.of("7"), roster.getJsonArray("ids").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("Ada", roster.getJsonObject("hash").getJsonObject("7").getString("name"));
        assertEquals(1, roster.getInt("count"));
    }

    @Test
    void a_second_user_gets_both_members_and_the_first_is_told_the_second_joined_but_not_the_joiner_itself() {
        PusherSocket ada = joined("presence-room", ADA);
        PusherSocket bob = connect();
        bob.subscribeWith("presence-room", pusher.authenticate(bob.socketId(), "presence-room", BOB));
        JsonObject roster = presence(bob.subscribed("presence-room"));
        assertEquals(2, roster.getInt("count"));
        assertEquals("Bob", roster.getJsonObject("hash").getJsonObject("9").getString("name"));
        assertEquals("Ada", roster.getJsonObject("hash").getJsonObject("7").getString("name"));

        JsonObject added = PusherSocket.data(ada.await("pusher_internal:member_added", "presence-room"));
        assertEquals("9", added.getString("user_id"));
        assertEquals("Bob", added.getJsonObject("user_info").getString("name"));
        bob.assertNo("pusher_internal:member_added", "presence-room", QUIET);
    }

    @Test
    void a_user_leaving_is_announced_to_the_others_as_member_removed() {
        PusherSocket ada = joined("presence-exit", ADA);
        PusherSocket bob = joined("presence-exit", BOB);
        ada.await("pusher_internal:member_added", "presence-exit");
        bob.close();
        JsonObject removed = PusherSocket.data(ada.await("pusher_internal:member_removed", "presence-exit"));
        assertEquals("9", removed.getString("user_id"));
    }

    @Test
    void unsubscribing_announces_member_removed_too() {
        PusherSocket ada = joined("presence-unsub", ADA);
        PusherSocket bob = joined("presence-unsub", BOB);
        ada.await("pusher_internal:member_added", "presence-unsub");
        bob.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"presence-unsub\"}}");
        assertEquals("9", PusherSocket.data(ada.await("pusher_internal:member_removed", "presence-unsub"))
                .getString("user_id"));
    }

    @Test
    void one_user_on_two_sockets_counts_once_and_is_removed_only_when_its_last_socket_leaves() {
        PusherSocket watcher = joined("presence-twin", BOB);
        PusherSocket first = joined("presence-twin", ADA);
        watcher.await("pusher_internal:member_added", "presence-twin");

        PusherSocket second = connect();
        second.subscribeWith("presence-twin", pusher.authenticate(second.socketId(), "presence-twin", ADA));
        JsonObject roster = presence(second.subscribed("presence-twin"));
        assertEquals(2, roster.getInt("count"), roster.toString());
        watcher.assertNo("pusher_internal:member_added", "presence-twin", QUIET);

        first.close();
        watcher.assertNo("pusher_internal:member_removed", "presence-twin", QUIET);
        second.close();
        assertEquals("7", PusherSocket.data(watcher.await("pusher_internal:member_removed", "presence-twin"))
                .getString("user_id"));
    }

    @Test
    void a_numeric_user_id_becomes_its_string_form() {
        PusherSocket socket = connect();
        socket.subscribeWith("presence-numbers",
                pusher.authenticate(socket.socketId(), "presence-numbers", new PresenceUser(10, Map.of("n", 1))));
        assertEquals("10", presence(socket.subscribed("presence-numbers")).getJsonArray("ids").getString(0));
    }

    @Test
    void a_presence_subscription_without_channel_data_is_refused_and_the_socket_stays_open() {
        PusherSocket socket = connect();
        String auth = PusherSocket.parse(pusher.authenticate(socket.socketId(), "presence-bare", ADA)).getString("auth");
        socket.subscribe("presence-bare", auth, null);
        JsonObject error = socket.await("pusher:subscription_error", "presence-bare").getJsonObject("data");
        assertEquals(401, error.getInt("status"), "the signature covered channel_data, so without it it fails");
        socket.assertAlive();
    }

    @Test
    void channel_data_changed_after_signing_is_refused() {
        PusherSocket socket = connect();
        String auth = PusherSocket.parse(pusher.authenticate(socket.socketId(), "presence-forged", ADA)).getString("auth");
        socket.subscribe("presence-forged", auth, "{\"user_id\":\"1\",\"user_info\":{\"name\":\"Admin\"}}");
        assertEquals("AuthError", socket.await("pusher:subscription_error", "presence-forged")
                .getJsonObject("data").getString("type"));
    }

    @Test
    void signed_channel_data_without_a_user_id_is_refused_as_invalid() {
        PusherSocket socket = connect();
        String channelData = "{\"user_info\":{\"name\":\"Nobody\"}}";
        String auth = TestApp.KEY + ":" + hmac(
                socket.socketId() + ":presence-anon:" + channelData);
        socket.subscribe("presence-anon", auth, channelData);
        JsonObject error = socket.await("pusher:subscription_error", "presence-anon").getJsonObject("data");
        assertEquals(400, error.getInt("status"));
        assertTrue(error.getString("error").contains("user_id"), error.toString());
    }

    @Test
    void presence_subscribers_receive_published_events() {
        PusherSocket ada = joined("presence-news", ADA);
        trigger("presence-news", "update", Map.of("v", 1));
        assertEquals("{\"v\":1}", ada.await("update", "presence-news").getString("data"));
    }
}
