package io.zintrust.socket.cluster;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.Pause;
import io.zintrust.socket.support.PayaraCluster;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.SignedRequest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to one of two clustered instances, as a rolling restart does: its clients get 4200 and
 * reconnect to the survivor, the survivor's presence rosters lose the leaver's members at once (not
 * after failure detection), and no event published meanwhile is lost for the survivor's sockets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterShutdownIT {

    private static final String ID = "rolling-app";
    private static final String KEY = "rolling-key";
    private static final String SECRET = "rolling-secret";

    @RegisterExtension
    static final PayaraCluster cluster = PayaraCluster.of(2, PayaraServer.withEnvironment(Map.of("PUSHER_APP_ID", ID,
            "PUSHER_APP_KEY", KEY, "PUSHER_APP_SECRET", SECRET)).named("ClusterShutdownIT").readyAt("/app/" + KEY));
    private static final PayaraServer leaving = cluster.member(1);
    private static final PayaraServer survivor = cluster.member(2);

    /** A socket of the user in the presence channel, and the subscription_succeeded it got. */
    private record Present(PusherSocket socket, JsonObject succeeded) {
    }

    private static Present join(PayaraServer member, String channel, String userId) {
        PusherSocket socket = member.connect("/app/" + KEY + "?protocol=7");
        String channelData = "{\"user_id\":\"" + userId + "\",\"user_info\":{\"name\":\"" + userId + "\"}}";
        String auth = KEY + ":" + SignedRequest.hmac(SECRET, socket.socketId() + ":" + channel + ":" + channelData);
        socket.subscribe(channel, auth, channelData);
        return new Present(socket, socket.subscribed(channel));
    }

    private static PusherSocket present(PayaraServer member, String channel, String userId) {
        return join(member, channel, userId).socket();
    }

    @Test
    @Order(2)
    void a_terminated_instance_sends_its_clients_away_with_4200_and_the_survivor_loses_nothing() throws Exception {
        String room = "presence-rolling";
        PusherSocket watcher = present(survivor, room, "watcher");
        PusherSocket leaver = present(leaving, room, "leaver");
        assertEquals("leaver", PusherSocket.data(watcher.await("pusher_internal:member_added", room)).getString("user_id"));
        PusherSocket feedOnSurvivor = survivor.connect("/app/" + KEY + "?protocol=7");
        feedOnSurvivor.subscribe("rolling-feed");
        feedOnSurvivor.subscribed("rolling-feed");

        // events published to the survivor throughout the stop, each numbered
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger published = new AtomicInteger();
        Thread publisher = new Thread(() -> {
            while (publishing.get()) {
                int n = published.get();
                Http.Answer answer = Http.postJson(survivor.server().http("/apps/" + ID + "/events"),
                        "{\"name\":\"tick\",\"channel\":\"rolling-feed\",\"data\":\"" + n + "\"}",
                        "Authorization", "Bearer " + SECRET);
                if (answer.status() == 200) {
                    published.incrementAndGet();
                }
                Pause.sleep(10);
            }
        });
        publisher.start();
        Pause.sleep(300);

        long signalled = System.nanoTime();
        leaving.terminate();
        JsonObject error = leaver.await("pusher:error");
        assertEquals(4200, PusherSocket.data(error).getInt("code"), error.toString());
        assertEquals(4200, leaver.awaitClose().getCloseCode().getCode());
        JsonObject removed = watcher.await(frame -> "pusher_internal:member_removed".equals(frame.getString("event", null)),
                "member_removed", Duration.ofSeconds(5));
        long removedAfterMs = (System.nanoTime() - signalled) / 1_000_000;
        assertEquals("leaver", PusherSocket.data(removed).getString("user_id"));
        assertTrue(removedAfterMs < 3000, "the survivor dropped the leaver's member " + removedAfterMs + " ms after SIGTERM");

        // the client does what pusher-js does on 4200: reconnect at once, here to the survivor
        Present back = join(survivor, room, "leaver");
        assertEquals("leaver", PusherSocket.data(watcher.await("pusher_internal:member_added", room)).getString("user_id"));
        assertEquals(2, PusherSocket.data(back.succeeded()).getJsonObject("presence").getInt("count"));

        assertEquals(143, leaving.awaitExit(Duration.ofSeconds(30)), "exit code");
        assertTrue(leaving.log().contains("ZinTrust Socket left the data grid"), "left the grid");
        Pause.sleep(300);
        publishing.set(false);
        publisher.join();

        int total = published.get();
        assertTrue(total > 20, "published " + total);
        List<Integer> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() < total && System.nanoTime() < deadline) {
            JsonObject tick = feedOnSurvivor.await("tick", "rolling-feed");
            received.add(Integer.parseInt(tick.getString("data")));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add(i);
        }
        assertEquals(expected, received, "every event published during the stop, in order");
        Http.Answer ready = Http.get(survivor.server().http("/health/ready"));
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"instances\":\"1\""), ready.body());
    }

    @Test
    @Order(1)
    void a_clustered_instance_is_ready_once_it_has_joined_and_says_how_many_instances_there_are() {
        for (PayaraServer member : List.of(leaving, survivor)) {
            Http.Answer ready = Http.get(member.server().http("/health/ready"));
            assertEquals(200, ready.status(), ready.body());
            assertTrue(ready.body().contains("\"transport\":\"cluster\""), ready.body());
            assertTrue(ready.body().contains("\"grid_joined\":\"true\""), ready.body());
            assertTrue(ready.body().contains("\"instances\":\"2\""), ready.body());
        }
    }
}
