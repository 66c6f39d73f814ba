package io.zintrust.socket.features;

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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cache channels, subscription_count events and the per-app limits, on the {@code main} app
 * (2 presence members, 64-byte user_info, 3 client events/s, 100-byte events, 3 per batch, 3 channels
 * per event, 3 s cache TTL).
 */
class ChannelFeaturesIT {

    @RegisterExtension
    static final PayaraServer payara = AppsFileServer.shared();
    private static Loopback server;
    private static com.pusher.rest.Pusher sdk;

    @BeforeAll
    static void start() {
        server = payara.server();
        sdk = AppsFileServer.sdk(server, "main");
    }

    private PusherSocket connect() {
        return payara.connect("/app/main-key?protocol=7");
    }

    private PusherSocket subscribed(String channel) {
        PusherSocket socket = connect();
        if (channel.startsWith("private-")) {
            socket.subscribeWith(channel, sdk.authenticate(socket.socketId(), channel));
        } else {
            socket.subscribe(channel);
        }
        socket.subscribed(channel);
        return socket;
    }

    private Http.Answer publish(String body) {
        return Http.postJson(server.http("/apps/main/events"), body, "Authorization", "Bearer main-secret");
    }

    @Test
    void an_empty_cache_channel_answers_a_subscription_with_cache_miss() {
        PusherSocket socket = subscribed("cache-empty");
        socket.await("pusher:cache_miss", "cache-empty");
    }

    @Test
    void a_new_subscriber_of_a_cache_channel_gets_the_last_event_right_after_subscription_succeeded() {
        assertEquals(200, sdk.trigger("cache-price", "price", Map.of("v", 1)).getHttpStatus());
        assertEquals(200, sdk.trigger("cache-price", "price", Map.of("v", 2)).getHttpStatus());
        PusherSocket socket = connect();
        socket.subscribe("cache-price");
        socket.subscribed("cache-price");
        assertEquals("{\"v\":2}", socket.await("price", "cache-price").getString("data"));
        List<String> raw = socket.rawFrames();
        int succeeded = raw.indexOf(raw.stream().filter(f -> f.contains("subscription_succeeded")).findFirst().orElseThrow());
        assertTrue(raw.get(succeeded + 1).contains("\"price\""), "the cached event follows at once: " + raw);
        socket.assertNo("pusher:cache_miss", "cache-price", Duration.ofMillis(300));
        var answer = sdk.get("/channels/cache-price", Map.of("info", "cache"));
        assertEquals(200, answer.getHttpStatus(), answer.getMessage());
        JsonObject info = PusherSocket.parse(answer.getMessage());
        assertEquals("price", info.getJsonObject("cache").getString("event"));
        assertEquals("{\"v\":2}", info.getJsonObject("cache").getString("data"));
        assertTrue(info.getJsonObject("cache").getInt("ttl") <= 3, info.toString());
    }

    @Test
    void a_cached_event_expires_after_the_apps_ttl() throws InterruptedException {
        assertEquals(200, sdk.trigger("private-cache-short", "tick", "1").getHttpStatus());
        Thread.sleep(3500);
        PusherSocket socket = connect();
        socket.subscribeWith("private-cache-short", sdk.authenticate(socket.socketId(), "private-cache-short"));
        socket.subscribed("private-cache-short");
        socket.await("pusher:cache_miss", "private-cache-short");
    }

    @Test
    void subscribers_are_told_the_subscription_count_as_it_changes_when_the_app_opts_in() {
        PusherSocket first = subscribed("counted");
        assertEquals(1, PusherSocket.data(first.await("pusher_internal:subscription_count", "counted")).getInt("subscription_count"));
        PusherSocket second = subscribed("counted");
        assertEquals(2, PusherSocket.data(first.await("pusher_internal:subscription_count", "counted")).getInt("subscription_count"));
        assertEquals(2, PusherSocket.data(second.await("pusher_internal:subscription_count", "counted")).getInt("subscription_count"));
        second.close();
        assertEquals(1, PusherSocket.data(first.await("pusher_internal:subscription_count", "counted")).getInt("subscription_count"));
    }

    @Test
    void presence_channels_get_no_subscription_count_events() {
        PusherSocket socket = connect();
        socket.subscribeWith("presence-quiet", sdk.authenticate(socket.socketId(), "presence-quiet", new PresenceUser("1")));
        socket.subscribed("presence-quiet");
        socket.assertNo("pusher_internal:subscription_count", null, Duration.ofMillis(400));
    }

    @Test
    void a_full_presence_channel_refuses_a_new_member_but_not_another_socket_of_a_present_one() {
        for (String user : List.of("a", "b")) {
            PusherSocket member = connect();
            member.subscribeWith("presence-small", sdk.authenticate(member.socketId(), "presence-small", new PresenceUser(user)));
            member.subscribed("presence-small");
        }
        PusherSocket third = connect();
        third.subscribeWith("presence-small", sdk.authenticate(third.socketId(), "presence-small", new PresenceUser("c")));
        JsonObject error = third.await("pusher:subscription_error", "presence-small").getJsonObject("data");
        assertEquals("LimitReached", error.getString("type"));
        third.assertAlive();
        PusherSocket again = connect();
        again.subscribeWith("presence-small", sdk.authenticate(again.socketId(), "presence-small", new PresenceUser("a")));
        again.subscribed("presence-small");
    }

    @Test
    void user_info_over_the_limit_is_refused() {
        PusherSocket socket = connect();
        socket.subscribeWith("presence-big", sdk.authenticate(socket.socketId(), "presence-big",
                new PresenceUser("big", Map.of("bio", "x".repeat(80)))));
        assertEquals("LimitReached", socket.await("pusher:subscription_error", "presence-big")
                .getJsonObject("data").getString("type"));
    }

    @Test
    void client_events_over_the_rate_limit_are_rejected_with_4301_and_the_socket_stays_open() {
        PusherSocket sender = subscribed("private-fast");
        PusherSocket receiver = subscribed("private-fast");
        for (int i = 0; i < 5; i++) {
            sender.send("{\"event\":\"client-n\",\"channel\":\"private-fast\",\"data\":{\"i\":" + i + "}}");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(i, receiver.await("client-n", "private-fast").getJsonObject("data").getInt("i"));
        }
        assertEquals(4301, sender.await("pusher:error").getJsonObject("data").getInt("code"));
        receiver.assertNo("client-n", "private-fast", Duration.ofMillis(300));
        sender.assertAlive();
    }

    @Test
    void a_client_event_over_the_size_limit_is_rejected_with_4301() {
        PusherSocket sender = subscribed("private-size");
        sender.send("{\"event\":\"client-big\",\"channel\":\"private-size\",\"data\":\"" + "x".repeat(120) + "\"}");
        JsonObject error = sender.await("pusher:error").getJsonObject("data");
        assertEquals(4301, error.getInt("code"));
        assertTrue(error.getString("message").contains("100"), error.toString());
    }

    @Test
    void publish_limits_follow_the_apps_settings() {
        assertEquals(413, publish("{\"name\":\"n\",\"channel\":\"c\",\"data\":\"" + "x".repeat(101) + "\"}").status());
        assertEquals(400, publish("{\"name\":\"n\",\"channels\":[\"a\",\"b\",\"c\",\"d\"],\"data\":\"x\"}").status());
        Http.Answer batch = Http.postJson(server.http("/apps/main/batch_events"),
                "{\"batch\":[{\"name\":\"n\",\"channel\":\"a\",\"data\":\"1\"},{\"name\":\"n\",\"channel\":\"a\",\"data\":\"2\"},"
                        + "{\"name\":\"n\",\"channel\":\"a\",\"data\":\"3\"},{\"name\":\"n\",\"channel\":\"a\",\"data\":\"4\"}]}",
                "Authorization", "Bearer main-secret");
        assertEquals(400, batch.status());
        assertTrue(batch.error().contains("1 to 3"), batch.body());
    }
}
