package io.zintrust.socket.connection;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.zintrust.socket.support.HeapCensus;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once a socket has sent a frame, Tyrus no longer keeps its copy of the handshake (counted in the
 * server's live heap with jcmd). Such a socket still works both ways and closes cleanly from either
 * side; over TLS, {@link SecureListenerIT} checks the same frames.
 */
class HandshakeRemainsIT {

    private static final String ID = "remains-app";
    private static final String KEY = "remains-key";
    private static final String SECRET = "remains-secret";
    private static final int SOCKETS = 40;
    private static final String UPGRADE_INFO = "org.glassfish.tyrus.core.TyrusWebSocketEngine$SuccessfulUpgradeInfo";

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "PUSHER_APP_ID", ID,
            "PUSHER_APP_KEY", KEY,
            "PUSHER_APP_SECRET", SECRET,
            "SOCKET_AUTH_POLICY", "allow")).readyAt("/app/" + KEY);

    @Test
    void after_their_first_frame_sockets_keep_no_copy_of_their_handshake_in_tyrus() {
        List<PusherSocket> sockets = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            sockets.add(payara.connect("/app/" + KEY + "?protocol=7"));
        }
        HeapCensus opened = payara.heapCensus();
        for (PusherSocket socket : sockets) {
            socket.subscribe("census");
            socket.subscribed("census");
            socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
            socket.await("pusher:pong");
        }
        HeapCensus talked = payara.heapCensus();

        assertTrue(opened.instancesOf(UPGRADE_INFO) >= SOCKETS, "each open socket holds Tyrus's handshake copy");
        assertTrue(talked.instancesOf(UPGRADE_INFO) <= opened.instancesOf(UPGRADE_INFO) - SOCKETS,
                () -> "handshake copies: " + opened.instancesOf(UPGRADE_INFO) + " then " + talked.instancesOf(UPGRADE_INFO));
    }

    @Test
    void a_socket_that_released_its_handshake_still_receives_publishes_and_closes_from_either_side() throws Exception {
        Pusher sdk = TestApp.pusher(payara.server(), ID, KEY, SECRET);
        try (PusherSocket leaving = payara.connect("/app/" + KEY + "?protocol=7");
             PusherSocket terminated = payara.connect("/app/" + KEY + "?protocol=7")) {
            leaving.subscribe("after-release");
            leaving.subscribed("after-release");
            terminated.signin(KEY, SECRET, "{\"id\":\"7\"}");
            terminated.await("pusher:signin_success");
            terminated.subscribe("after-release");
            terminated.subscribed("after-release");
            for (int i = 0; i < 30; i++) {
                assertEquals(200, sdk.trigger("after-release", "tick", Map.of("n", i)).getHttpStatus());
            }
            for (PusherSocket socket : new PusherSocket[] {leaving, terminated}) {
                for (int i = 0; i < 30; i++) {
                    int n = i;
                    socket.await(f -> "tick".equals(f.getString("event", ""))
                            && PusherSocket.parse(f.getString("data")).getInt("n") == n, "tick " + n);
                }
                socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
                socket.await("pusher:pong");
            }

            Result terminate = sdk.post("/users/7/terminate_connections", "{}");
            assertEquals(200, terminate.getHttpStatus(), terminate.getMessage());
            CloseReason closed = terminated.awaitClose();
            assertEquals(4009, closed.getCloseCode().getCode());

            leaving.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String info;
            do {
                info = sdk.get("/channels/after-release").getMessage();
            } while (!info.contains("\"occupied\":false") && System.nanoTime() < deadline && pause());
            assertTrue(info.contains("\"occupied\":false"), "both sockets are gone: " + info);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
