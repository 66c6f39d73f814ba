package io.zintrust.socket.features;

import io.zintrust.socket.support.AppsFileServer;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User authentication: sign-in, #server-to-user channels, terminate_connections and watchlists. */
class UsersIT {

    @RegisterExtension
    static final PayaraServer payara = AppsFileServer.shared();

    private PusherSocket signedIn(String userData) {
        PusherSocket socket = payara.connect("/app/main-key?protocol=7");
        socket.signin("main-key", "main-secret", userData);
        socket.await("pusher:signin_success");
        return socket;
    }

    @Test
    void signin_success_carries_the_signed_user_data_string() {
        PusherSocket socket = payara.connect("/app/main-key?protocol=7");
        String userData = "{\"id\":\"12345\",\"user_info\":{\"name\":\"Ada\"}}";
        socket.signin("main-key", "main-secret", userData);
        JsonObject success = socket.await("pusher:signin_success");
        assertEquals(userData, PusherSocket.data(success).getString("user_data"));
    }

    @Test
    void a_signin_with_a_bad_signature_gets_error_4009_and_close_4009() {
        PusherSocket socket = payara.connect("/app/main-key?protocol=7");
        socket.signin("main-key", "not-the-secret", "{\"id\":\"1\"}");
        assertEquals(4009, socket.await("pusher:error").getJsonObject("data").getInt("code"));
        assertEquals(4009, socket.awaitClose().getCloseCode().getCode());
    }

    @Test
    void signed_user_data_without_an_id_is_refused_with_4009() {
        PusherSocket socket = payara.connect("/app/main-key?protocol=7");
        socket.signin("main-key", "main-secret", "{\"name\":\"nobody\"}");
        assertEquals(4009, socket.awaitClose().getCloseCode().getCode());
    }

    @Test
    void only_the_signed_in_user_may_subscribe_to_its_server_to_user_channel() {
        PusherSocket ada = signedIn("{\"id\":\"ada\"}");
        ada.subscribe("#server-to-user-ada", "", null);
        ada.subscribed("#server-to-user-ada");
        ada.subscribe("#server-to-user-bob", "", null);
        assertEquals(403, ada.await("pusher:subscription_error", "#server-to-user-bob").getJsonObject("data").getInt("status"));
    }

    @Test
    void a_publish_to_server_to_user_reaches_every_socket_of_that_user_once_and_no_one_else() {
        PusherSocket subscribed = signedIn("{\"id\":\"carol\"}");
        subscribed.subscribe("#server-to-user-carol", "", null);
        subscribed.subscribed("#server-to-user-carol");
        PusherSocket notSubscribed = signedIn("{\"id\":\"carol\"}");
        PusherSocket stranger = signedIn("{\"id\":\"dave\"}");
        // pusher-http-java refuses '#' in channel names; other SDKs (sendToUser) publish exactly this
        Http.Answer answer = Http.postJson(payara.server().http("/apps/main/events"),
                "{\"name\":\"note\",\"channel\":\"#server-to-user-carol\",\"data\":\"{\\\"n\\\":1}\"}",
                "Authorization", "Bearer main-secret");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{\"n\":1}", subscribed.await("note", "#server-to-user-carol").getString("data"));
        notSubscribed.await("note", "#server-to-user-carol");
        subscribed.assertNo("note", null, Duration.ofMillis(400));
        stranger.assertNo("note", null, Duration.ofMillis(100));
    }

    @Test
    void terminate_connections_closes_every_socket_of_the_user_with_4009_and_no_other() {
        PusherSocket first = signedIn("{\"id\":\"erin\"}");
        PusherSocket second = signedIn("{\"id\":\"erin\"}");
        PusherSocket bystander = signedIn("{\"id\":\"frank\"}");
        var result = AppsFileServer.sdk(payara.server(), "main").post("/users/erin/terminate_connections", "{}");
        assertEquals(200, result.getHttpStatus(), result.getMessage());
        assertEquals(4009, first.awaitClose().getCloseCode().getCode());
        assertEquals(4009, second.awaitClose().getCloseCode().getCode());
        bystander.assertAlive();
    }

    @Test
    void terminate_connections_needs_a_valid_signature() {
        Http.Answer answer = Http.postJson(payara.server().http("/apps/main/users/erin/terminate_connections"), "{}");
        assertEquals(401, answer.status());
    }

    @Test
    void watchers_see_a_watched_user_come_online_and_go_offline_and_new_watchers_get_who_is_online() {
        PusherSocket watcher = signedIn("{\"id\":\"gina\",\"watchlist\":[\"hank\",\"ivy\"]}");
        PusherSocket hank = signedIn("{\"id\":\"hank\"}");
        JsonObject online = watcher.await("pusher_internal:watchlist_events").getJsonObject("data")
                .getJsonArray("events").getJsonObject(0);
        assertEquals("online", online.getString("name"));
        assertEquals("hank", online.getJsonArray("user_ids").getString(0));

        PusherSocket lateWatcher = signedIn("{\"id\":\"jo\",\"watchlist\":[\"hank\"]}");
        JsonObject initial = lateWatcher.await("pusher_internal:watchlist_events").getJsonObject("data")
                .getJsonArray("events").getJsonObject(0);
        assertEquals("online", initial.getString("name"));
        assertEquals("hank", initial.getJsonArray("user_ids").getString(0));

        hank.close();
        JsonObject offline = watcher.await("pusher_internal:watchlist_events").getJsonObject("data")
                .getJsonArray("events").getJsonObject(0);
        assertEquals("offline", offline.getString("name"));
        assertTrue(offline.getJsonArray("user_ids").toString().contains("hank"));
    }

    @Test
    void a_user_with_two_sockets_goes_offline_only_when_the_last_one_closes() {
        PusherSocket watcher = signedIn("{\"id\":\"kim\",\"watchlist\":[\"lee\"]}");
        PusherSocket one = signedIn("{\"id\":\"lee\"}");
        watcher.await("pusher_internal:watchlist_events");
        PusherSocket two = signedIn("{\"id\":\"lee\"}");
        watcher.assertNo("pusher_internal:watchlist_events", null, Duration.ofMillis(400));
        one.close();
        watcher.assertNo("pusher_internal:watchlist_events", null, Duration.ofMillis(600));
        two.close();
        assertEquals("offline", watcher.await("pusher_internal:watchlist_events").getJsonObject("data")
                .getJsonArray("events").getJsonObject(0).getString("name"));
    }

    @Test
    void a_signed_in_socket_joins_a_presence_channel_as_its_user_without_channel_data() {
        PusherSocket socket = signedIn("{\"id\":\"mia\",\"user_info\":{\"name\":\"Mia\"}}");
        String auth = "main-key:" + io.zintrust.socket.support.SignedRequest.hmac("main-secret",
                socket.socketId() + ":presence-signed");
        socket.subscribe("presence-signed", auth, null);
        JsonObject roster = PusherSocket.data(socket.subscribed("presence-signed")).getJsonObject("presence");
        assertEquals("mia", roster.getJsonArray("ids").getString(0));
        assertEquals("Mia", roster.getJsonObject("hash").getJsonObject("mia").getString("name"));
    }
}
