package io.zintrust.socket.health;

import io.zintrust.socket.support.Debugger;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.Pause;
import io.zintrust.socket.support.PayaraCluster;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liveness on real servers whose background work is made to stand still: a debugger attached to the
 * server's JVM holds the heartbeat's sweep, or the cluster's inbound applier, on its first call.
 * {@code /health/live} must go DOWN within the stall limit (10 s) and come back UP once it moves again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivenessIT {

    private static final String ID = "live-app";
    private static final String KEY = "live-key";
    private static final String SECRET = "live-secret";
    private static final String PROGRESS = "zintrust-socket-progress";

    @RegisterExtension
    static final PayaraCluster cluster = PayaraCluster.of(2, PayaraServer.withEnvironment(Map.of("PUSHER_APP_ID", ID,
            "PUSHER_APP_KEY", KEY, "PUSHER_APP_SECRET", SECRET)).named("LivenessIT").readyAt("/app/" + KEY)
            .withDebugger());
    private static final PayaraServer publisher = cluster.member(1);
    private static final PayaraServer receiver = cluster.member(2);

    @Test
    @Order(1)
    void a_held_heartbeat_turns_liveness_down_within_the_stall_limit_and_up_once_it_sweeps_again() {
        assertEquals(200, live(publisher).status());
        try (Debugger debugger = Debugger.attach(publisher)) {
            Debugger.Held sweep = debugger.holdFirstCallOf("io.zintrust.socket.websocket.Heartbeat", "checkConnections",
                    Duration.ofSeconds(5));
            long heldAt = System.nanoTime();
            Http.Answer down = awaitLive(publisher, 503, Duration.ofSeconds(15));
            long downAfterMs = (System.nanoTime() - heldAt) / 1_000_000;
            JsonObject check = HealthIT.check(down, PROGRESS);
            assertEquals("DOWN", check.getString("status"), down.body());
            long ago = Long.parseLong(check.getJsonObject("data").getString("heartbeat_ms_ago"));
            assertTrue(ago >= 10_000, "heartbeat_ms_ago " + ago);
            assertTrue(downAfterMs < 13_000, "DOWN " + downAfterMs + " ms after the sweep was held");
            assertEquals(200, Http.get(publisher.server().http("/health/ready")).status(),
                    "readiness is not liveness: the server still takes sockets");
            sweep.release();
            Http.Answer up = awaitLive(publisher, 200, Duration.ofSeconds(5));
            long since = Long.parseLong(HealthIT.check(up, PROGRESS).getJsonObject("data").getString("heartbeat_ms_ago"));
            assertTrue(since < 2_000, up.body());
        }
    }

    @Test
    @Order(2)
    void a_held_cluster_applier_turns_liveness_down_while_messages_wait_and_they_all_arrive_once_it_moves() {
        PusherSocket subscriber = receiver.connect("/app/" + KEY + "?protocol=7");
        subscriber.subscribe("liveness-feed");
        subscriber.subscribed("liveness-feed");
        assertEquals(200, live(receiver).status());
        try (Debugger debugger = Debugger.attach(receiver)) {
            CompletableFuture<Void> firstPublish = CompletableFuture.runAsync(() -> publish(1));
            // the applier stops on the first cluster message it takes: this publish, or the others' regular news
            Debugger.Held applier = debugger.holdFirstCallOf("io.zintrust.socket.cluster.InboundApplier", "apply",
                    Duration.ofSeconds(10));
            firstPublish.join();
            for (int n = 2; n <= 3; n++) {
                publish(n); // these wait in the applier's queue
            }
            Http.Answer down = awaitLive(receiver, 503, Duration.ofSeconds(15));
            JsonObject data = HealthIT.check(down, PROGRESS).getJsonObject("data");
            assertTrue(Long.parseLong(data.getString("applier_lag_ms")) >= 10_000, down.body());
            applier.release();
            for (int n = 1; n <= 3; n++) {
                JsonObject event = subscriber.await("tick", "liveness-feed");
                assertEquals(Integer.toString(n), event.getString("data"), "in order, none lost");
            }
            Http.Answer up = awaitLive(receiver, 200, Duration.ofSeconds(5));
            assertEquals("0", HealthIT.check(up, PROGRESS).getJsonObject("data").getString("applier_lag_ms"), up.body());
        }
    }

    private static void publish(int n) {
        Http.Answer answer = Http.postJson(publisher.server().http("/apps/" + ID + "/events"),
                "{\"name\":\"tick\",\"channel\":\"liveness-feed\",\"data\":\"" + n + "\"}",
                "Authorization", "Bearer " + SECRET);
        assertEquals(200, answer.status(), answer.body());
    }

    private static Http.Answer live(PayaraServer server) {
        return Http.get(server.server().http("/health/live"));
    }

    private static Http.Answer awaitLive(PayaraServer server, int status, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Http.Answer answer = live(server);
        while (answer.status() != status && System.nanoTime() < deadline) {
            Pause.sleep(100);
            answer = live(server);
        }
        assertEquals(status, answer.status(), "/health/live after " + wait + ": " + answer.body());
        return answer;
    }
}
