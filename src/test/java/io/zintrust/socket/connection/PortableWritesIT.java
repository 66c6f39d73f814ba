package io.zintrust.socket.connection;

import com.pusher.rest.Pusher;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.SlowReader;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOCKET_DIRECT_WRITES=false: frames go through the portable {@code RemoteEndpoint.Async} path, the one
 * a Jakarta EE server other than Payara would use. Everything else in the suite runs the direct path.
 */
class PortableWritesIT {

    private static final String KEY = "portable-key";
    private static final String SECRET = "portable-secret";

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "PUSHER_APP_ID", "portable-app",
            "PUSHER_APP_KEY", KEY,
            "PUSHER_APP_SECRET", SECRET,
            "SOCKET_DIRECT_WRITES", "false",
            "SOCKET_OUTBOUND_QUEUE_LIMIT", "50")).readyAt("/app/" + KEY);

    private PusherSocket connect() {
        return payara.connect("/app/" + KEY + "?protocol=7");
    }

    @Test
    void the_startup_log_says_frames_take_the_portable_path() {
        assertTrue(payara.log().contains("directWrites=false"), "startup configuration line");
    }

    @Test
    void concurrent_publishers_reach_every_subscriber_once_each_in_each_publishers_order() throws Exception {
        List<PusherSocket> subscribers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PusherSocket socket = connect();
            socket.subscribe("portable");
            socket.subscribed("portable");
            subscribers.add(socket);
        }
        Pusher sdk = TestApp.pusher(payara.server(), "portable-app", KEY, SECRET);
        int publishers = 4;
        int each = 30;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        List<Future<?>> runs = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            runs.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    // non-ASCII data checks that frame lengths count bytes
                    assertEquals(200, sdk.trigger("portable", "tick", Map.of("p", publisher, "i", i, "s", "é中😀"))
                            .getHttpStatus());
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        for (PusherSocket socket : subscribers) {
            int[] next = new int[publishers];
            for (int n = 0; n < publishers * each; n++) {
                JsonObject data = PusherSocket.data(socket.await("tick", "portable"));
                int publisher = data.getInt("p");
                assertEquals(next[publisher]++, data.getInt("i"), "order of publisher " + publisher);
                assertEquals("é中😀", data.getString("s"));
            }
            socket.assertNo("tick", "portable", java.time.Duration.ofMillis(300));
        }
    }

    @Test
    void a_client_that_stops_reading_is_still_closed_with_4100() throws IOException {
        SlowReader.assertClosedWith4100WhileOthersGetEverything(payara, "/app/" + KEY, "portable-app", SECRET,
                connect());
    }
}
