package io.zintrust.socket.support;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back-pressure scenario: a raw client that subscribes, then stops reading while 600 events of
 * 10 KB are published. The server (started with SOCKET_OUTBOUND_QUEUE_LIMIT=50) must close it with
 * 4100 instead of buffering the burst, and a healthy subscriber must still get every event.
 */
public final class SlowReader {

    private SlowReader() {
    }

    public static void assertClosedWith4100WhileOthersGetEverything(PayaraServer payara, String socketPath,
                                                                    String appId, String secret,
                                                                    PusherSocket healthy) throws IOException {
        Loopback server = payara.server();
        healthy.subscribe("firehose");
        healthy.subscribed("firehose");
        try (RawWebSocket stalled = new RawWebSocket(server, socketPath, 4096)) {
            stalled.read(); // connection_established, then never read again until the burst is over
            stalled.writeText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"firehose\"}}");
            // It keeps answering heartbeats blindly, so only the full queue, not a pong timeout, can end it.
            ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor();
            keepAlive.scheduleAtFixedRate(() -> {
                try {
                    stalled.writeText("{\"event\":\"pusher:pong\",\"data\":{}}");
                } catch (IOException ignored) {
                    // closed by the server
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            String body = "{\"name\":\"burst\",\"channel\":\"firehose\",\"data\":\"" + "x".repeat(10000) + "\"}";
            for (int i = 0; i < 600; i++) {
                Http.Answer answer = Http.postJson(server.http("/apps/" + appId + "/events"),
                        i == 599 ? body.replace("burst", "last") : body, "Authorization", "Bearer " + secret);
                assertEquals(200, answer.status(), answer.body());
            }
            healthy.await("last", "firehose");
            payara.awaitLog(line -> line.contains("with 4100"), Duration.ofSeconds(10));
            keepAlive.shutdownNow();
            // The stalled client gets what was already in flight, then the server ends the connection.
            int frames = 0;
            boolean ended;
            try {
                while (true) {
                    RawWebSocket.Frame frame = stalled.read();
                    frames++;
                    if (frame.opcode() == 8) {
                        assertEquals(4100, frame.closeCode());
                        ended = true;
                        break;
                    }
                }
            } catch (java.io.EOFException | java.net.SocketException e) {
                ended = true;
            } catch (SocketTimeoutException e) {
                ended = false;
            }
            assertTrue(ended, "the stalled connection should have been ended by the server");
            assertTrue(frames < 600, "the server must not have buffered the whole burst: " + frames);
        }
        healthy.assertAlive();
    }
}
