package io.zintrust.socket.apps;

import com.pusher.rest.Pusher;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.SlowReader;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server configured the strict way, through the alias variables: another socket path, policy deny,
 * client events off, a 2 s activity timeout, a 2 s pong timeout, a 50-frame outbound queue and room for
 * 4 connections in all.
 */
class StrictServerIT {

    private static final String KEY = "strict-key";
    private static final String SECRET = "strict-secret";

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "BROADCAST_APP_ID", "strict-app",
            "BROADCAST_AUTH_KEY", KEY,
            "BROADCAST_SECRET", SECRET,
            "SOCKET_PATH", "/ws",
            "SOCKET_AUTH_POLICY", "deny",
            "SOCKET_CLIENT_EVENTS", "false",
            "BROADCAST_ACTIVITY_TIMEOUT", "2",
            "SOCKET_PONG_TIMEOUT", "2",
            "SOCKET_OUTBOUND_QUEUE_LIMIT", "50",
            "SOCKET_MAX_CONNECTIONS", "4")).readyAt("/ws/" + KEY);

    private PusherSocket connect() {
        return payara.connect("/ws/" + KEY + "?protocol=7");
    }

    private Pusher sdk() {
        return TestApp.pusher(payara.server(), "strict-app", KEY, SECRET);
    }

    @Test
    void the_startup_log_shows_the_effective_configuration_with_the_secret_masked() {
        String line = payara.awaitLog(l -> l.contains("ZinTrust Socket configuration"), java.time.Duration.ofSeconds(5));
        assertTrue(line.contains("path=/ws") && line.contains("authPolicy=deny") && line.contains("appKey=strict-key"), line);
        assertTrue(!payara.log().contains(SECRET), "the secret must never be logged");
    }

    @Test
    void on_a_plain_listener_frames_after_the_first_are_written_to_grizzlys_write_queue() {
        PusherSocket socket = connect();
        socket.subscribe("raw-path");
        socket.subscribed("raw-path");
        String line = payara.awaitLog(l -> l.contains("Websocket frames"), java.time.Duration.ofSeconds(5));
        assertTrue(line.contains("written to Grizzly's write queue"), line);
    }

    @Test
    void the_socket_lives_on_the_configured_path_and_the_default_path_is_not_a_socket_route() {
        assertEquals(426, Http.get(payara.server().http("/ws/" + KEY)).status());
        assertEquals(404, Http.get(payara.server().http("/app/" + KEY)).status());
        connect().assertAlive();
    }

    @Test
    void connection_established_advertises_the_configured_activity_timeout() {
        PusherSocket socket = payara.open("/ws/" + KEY);
        assertEquals(2, PusherSocket.data(socket.await("pusher:connection_established")).getInt("activity_timeout"));
    }

    @Test
    void a_server_at_its_connection_capacity_refuses_more_sockets_with_4100() {
        int refusedWith = -1;
        for (int attempt = 0; attempt < 6 && refusedWith < 0; attempt++) {
            PusherSocket socket = payara.open("/ws/" + KEY);
            JsonObject first = socket.await(frame -> frame.getString("event", "").startsWith("pusher:"), "a first frame");
            if (first.getString("event").equals("pusher:error")) {
                refusedWith = first.getJsonObject("data").getInt("code");
                assertEquals(4100, socket.awaitClose().getCloseCode().getCode());
            }
        }
        assertEquals(4100, refusedWith, "a fifth connection must be refused");
    }

    @Test
    void the_deny_policy_refuses_broadcasting_auth_with_403_naming_socket_auth_policy() {
        Http.Answer answer = Http.postJson(payara.server().http("/broadcasting/auth"),
                "{\"socket_id\":\"1.2\",\"channel_name\":\"private-x\"}");
        assertEquals(403, answer.status());
        assertTrue(answer.error().contains("SOCKET_AUTH_POLICY"), answer.body());
    }

    @Test
    void with_client_events_off_a_client_event_is_rejected_with_4301() {
        PusherSocket socket = connect();
        socket.subscribeWith("private-chat", sdk().authenticate(socket.socketId(), "private-chat"));
        socket.subscribed("private-chat");
        socket.send("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{}}");
        JsonObject error = socket.await("pusher:error").getJsonObject("data");
        assertEquals(4301, error.getInt("code"));
        assertTrue(error.getString("message").contains("SOCKET_CLIENT_EVENTS"), error.toString());
        socket.assertAlive();
    }

    @Test
    void a_silent_client_is_pinged_after_the_activity_timeout_and_closed_with_4201_without_a_pong() {
        PusherSocket socket = connect().silent();
        socket.await("pusher:ping");
        assertEquals(4201, socket.awaitClose().getCloseCode().getCode());
    }

    @Test
    void a_client_that_answers_pings_stays_connected_across_several_timeouts() throws InterruptedException {
        PusherSocket socket = connect();
        Thread.sleep(7000);
        socket.assertAlive();
    }

    @Test
    void a_client_that_stops_reading_is_closed_with_4100_while_other_subscribers_get_every_event()
            throws IOException {
        PusherSocket healthy = connect();
        SlowReader.assertClosedWith4100WhileOthersGetEverything(payara, "/ws/" + KEY, "strict-app", SECRET, healthy);
    }
}
