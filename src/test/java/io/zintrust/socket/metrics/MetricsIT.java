package io.zintrust.socket.metrics;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.Pause;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.RawWebSocket;
import io.zintrust.socket.support.SignedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-app metrics at /metrics after known traffic: each counter moves by exactly what the test did.
 */
class MetricsIT {

    private static final String ID = "metrics-app";
    private static final String KEY = "metrics-key";
    private static final String SECRET = "metrics-secret";

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of("PUSHER_APP_ID", ID, "PUSHER_APP_KEY", KEY,
            "PUSHER_APP_SECRET", SECRET, "SOCKET_OUTBOUND_QUEUE_LIMIT", "50")).readyAt("/app/" + KEY);

    /** One scrape: a sample's value by name and labels (app is this test's app unless given). */
    record Scrape(String text) {
        double value(String name, String... labels) {
            StringBuilder wanted = new StringBuilder("app=\"" + ID + "\"");
            for (int i = 0; i < labels.length; i += 2) {
                wanted.append(",").append(labels[i]).append("=\"").append(labels[i + 1]).append("\"");
            }
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches() && sample.group(1).equals(name)
                        && sample.group(2).replace(",mp_scope=\"application\"", "").replace("mp_scope=\"application\",", "")
                        .equals(wanted.toString())) {
                    return Double.parseDouble(sample.group(3));
                }
            }
            return 0; // not yet registered: a counter by code, type or status appears with its first event
        }
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{(.*)} (\\S+)$");

    private static Scrape scrape() {
        Http.Answer answer = Http.get(payara.server().http("/metrics"));
        assertEquals(200, answer.status());
        return new Scrape(answer.body());
    }

    private static void assertMoved(Scrape before, Scrape after, double by, String name, String... labels) {
        assertEquals(by, after.value(name, labels) - before.value(name, labels), name + " " + String.join(",", labels));
    }

    private PusherSocket connect() {
        return payara.connect("/app/" + KEY + "?protocol=7");
    }

    private static Http.Answer publish(String channel, String data, String secret) {
        return Http.postJson(payara.server().http("/apps/" + ID + "/events"),
                "{\"name\":\"tick\",\"channel\":\"" + channel + "\",\"data\":\"" + data + "\"}",
                "Authorization", "Bearer " + secret);
    }

    @Test
    void counters_move_by_exactly_the_traffic_of_three_sockets_five_publishes_and_one_refusal() {
        Scrape before = scrape();
        PusherSocket[] sockets = {connect(), connect(), connect()};
        for (PusherSocket socket : sockets) {
            socket.subscribe("metrics-news");
            socket.subscribed("metrics-news");
        }
        String auth = KEY + ":" + SignedRequest.hmac(SECRET, sockets[0].socketId() + ":private-metrics");
        sockets[0].subscribe("private-metrics", auth, null);
        sockets[0].subscribed("private-metrics");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, publish("metrics-news", "n" + i, SECRET).status());
        }
        for (PusherSocket socket : sockets) {
            for (int i = 0; i < 5; i++) {
                socket.await("tick", "metrics-news");
            }
        }
        Http.Answer refused = publish("metrics-news", "no", "wrong-secret");
        assertTrue(refused.status() >= 400, refused.body());
        sockets[1].send("not json");
        sockets[1].await("pusher:error");
        sockets[2].send("{\"event\":\"client-hello\",\"channel\":\"metrics-news\",\"data\":{}}");
        sockets[2].await("pusher:error");
        sockets[2].close();
        Pause.sleep(500); // the close reaches the server

        Scrape after = scrape();
        assertMoved(before, after, 3, "zintrust_connections_opened_total");
        assertEquals(2, after.value("zintrust_connections"));
        assertMoved(before, after, 1, "zintrust_connections_closed_total", "code", "1000");
        assertMoved(before, after, 3, "zintrust_subscriptions_total", "type", "public");
        assertMoved(before, after, 1, "zintrust_subscriptions_total", "type", "private");
        assertMoved(before, after, 5, "zintrust_publishes_total", "status", "200");
        assertMoved(before, after, 1, "zintrust_publishes_total", "status", Integer.toString(refused.status()));
        assertMoved(before, after, 6, "zintrust_publish_seconds_count");
        assertMoved(before, after, 15, "zintrust_frames_delivered_total");
        int wire = ("{\"event\":\"tick\",\"channel\":\"metrics-news\",\"data\":\"n0\"}").getBytes(StandardCharsets.UTF_8).length + 2;
        assertMoved(before, after, 15 * wire, "zintrust_delivered_bytes_total");
        assertMoved(before, after, 1, "zintrust_malformed_frames_total");
        assertMoved(before, after, 1, "zintrust_client_events_refused_total");
        assertMoved(before, after, 0, "zintrust_client_events_total");
        assertEquals(2, after.value("zintrust_channels_occupied"), "metrics-news and private-metrics");
        assertMoved(before, after, 0, "zintrust_slow_socket_closes_total");
        sockets[0].close();
        sockets[1].close();
    }

    @Test
    void a_socket_that_stops_reading_is_counted_as_closed_for_being_slow() throws Exception {
        Scrape before = scrape();
        try (RawWebSocket stalled = new RawWebSocket(payara.server(), "/app/" + KEY + "?protocol=7", 4096)) {
            stalled.read();
            stalled.writeText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"metrics-firehose\"}}");
            Pause.sleep(300);
            String big = "x".repeat(10000);
            for (int i = 0; i < 400; i++) {
                assertEquals(200, publish("metrics-firehose", big, SECRET).status());
            }
            payara.awaitLog(line -> line.contains("with 4100"), Duration.ofSeconds(10));
        }
        Pause.sleep(500);
        Scrape after = scrape();
        assertMoved(before, after, 1, "zintrust_slow_socket_closes_total");
        assertMoved(before, after, 1, "zintrust_connections_closed_total", "code", "4100");
        assertMoved(before, after, 1, "zintrust_connections_opened_total");
    }
}
