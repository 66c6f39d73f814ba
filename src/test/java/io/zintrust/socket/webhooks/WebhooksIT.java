package io.zintrust.socket.webhooks;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;
import com.pusher.rest.data.Validity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zintrust.socket.support.AppsFileServer;
import io.zintrust.socket.support.NodeClient;
import io.zintrust.socket.support.Pause;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Webhooks against receivers this test runs (the JDK's HttpServer), on one node: every event type with
 * its fields, signatures the official SDKs accept, batching, retries until a 2xx with the same batch id,
 * giving up after the retry window, a receiver down then up, filters, and apps that do not hold each
 * other up.
 */
class WebhooksIT {

    private static final Map<String, Deque<String>> SCRIPTS = new ConcurrentHashMap<>();
    private static final Set<String> ALWAYS_FAILING = Set.of("/giveup");
    private static final Set<String> ALWAYS_HANGING = Set.of("/hang");
    private static final List<Hook> HOOKS = new CopyOnWriteArrayList<>();
    private static final HttpServer RECEIVER = receiver(0);
    private static final int SPARE_PORT = sparePort();
    private static volatile HttpServer spare;

    /** One POST as the receiver saw it; header names in lower case. */
    record Hook(String path, Map<String, String> headers, String body, long atMs) {
        JsonObject json() {
            return Json.parse(body);
        }

        List<JsonObject> events() {
            return json().getJsonArray("events").getValuesAs(JsonObject.class);
        }

        String id() {
            return headers.get("webhook-id");
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + path;
    }

    private static final String APPS = """
            {"apps": [
              {"id": "hooks", "key": "hooks-key", "secret": "hooks-secret", "subscription_count": true,
               "webhooks": [
                 {"url": "%s"},
                 {"url": "%s", "event_types": ["member_added", "member_removed"]},
                 {"url": "%s", "headers": {"X-Extra": "yes"}, "filter": {"channel_name_starts_with": "private-"}}]},
              {"id": "batch", "key": "batch-key", "secret": "batch-secret", "limits": {"client_events_per_second": -1},
               "webhooks": [{"url": "%s", "event_types": ["client_event"]}]},
              {"id": "retry", "key": "retry-key", "secret": "retry-secret",
               "webhooks": [{"url": "%s", "event_types": ["cache_miss"]}]},
              {"id": "giveup", "key": "giveup-key", "secret": "giveup-secret",
               "webhooks": [{"url": "%s", "event_types": ["cache_miss"]}]},
              {"id": "downup", "key": "downup-key", "secret": "downup-secret",
               "webhooks": [{"url": "http://127.0.0.1:%d/downup", "event_types": ["cache_miss"]}]},
              {"id": "slow", "key": "slow-key", "secret": "slow-secret",
               "webhooks": [{"url": "%s", "event_types": ["cache_miss"]}]},
              {"id": "fast", "key": "fast-key", "secret": "fast-secret",
               "webhooks": [{"url": "%s", "event_types": ["cache_miss"]}]}
            ]}
            """.formatted(url("/all"), url("/members"), url("/prefix"), url("/batch"), url("/retry"), url("/giveup"),
            SPARE_PORT, url("/hang"), url("/fast"));

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "SOCKET_APPS_FILE", AppsFileServer.write("webhooks", APPS),
            "SOCKET_WEBHOOK_BATCH_MS", "250",
            "SOCKET_WEBHOOK_TIMEOUT_MS", "1000",
            "SOCKET_WEBHOOK_RETRY_S", "6")).readyAt("/app/hooks-key");

    private static HttpServer receiver(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", WebhooksIT::receive);
            // one thread per request, so a hanging answer holds up nothing else
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int sparePort() {
        HttpServer probe = receiver(0);
        int port = probe.getAddress().getPort();
        probe.stop(0); // down until a test brings it up
        return port;
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        HOOKS.add(new Hook(path, headers, body, System.currentTimeMillis()));
        Deque<String> script = SCRIPTS.get(path);
        String action = script != null && !script.isEmpty() ? script.poll()
                : ALWAYS_FAILING.contains(path) ? "500" : ALWAYS_HANGING.contains(path) ? "hang" : "ok";
        if (action.equals("hang")) {
            Pause.sleep(2500);
        }
        int status = action.equals("500") ? 500 : 200;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @AfterAll
    static void stopReceivers() {
        RECEIVER.stop(0);
        if (spare != null) {
            spare.stop(0);
        }
    }

    private static List<Hook> hooks(String path) {
        return HOOKS.stream().filter(h -> h.path().equals(path)).toList();
    }

    private static List<JsonObject> events(String path) {
        List<JsonObject> events = new ArrayList<>();
        hooks(path).forEach(hook -> events.addAll(hook.events()));
        return events;
    }

    /** Waits until the hooks to {@code path} satisfy {@code done}; fails with what arrived. */
    private static List<Hook> await(String path, Predicate<List<Hook>> done, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            List<Hook> hooks = hooks(path);
            if (done.test(hooks)) {
                return hooks;
            }
            Pause.sleep(25);
        }
        return fail("Not received at " + path + ": " + what + "; got " + hooks(path).stream().map(Hook::body).toList());
    }

    private static List<Hook> awaitEvents(String path, List<JsonObject> expected) {
        return await(path, hooks -> events(path).containsAll(expected), Duration.ofSeconds(10), expected.toString());
    }

    private static JsonObject event(String json) {
        return Json.parse(json);
    }

    private static Pusher sdk(String app) {
        return TestApp.pusher(payara.server(), app, app + "-key", app + "-secret");
    }

    private PusherSocket connect(String app) {
        return payara.connect("/app/" + app + "-key?protocol=7");
    }

    private static String clientEvent(String channel, String data) {
        return "{\"event\":\"client-typing\",\"channel\":\"" + channel + "\",\"data\":" + data + "}";
    }

    private static void cacheMiss(PusherSocket socket, String channel) {
        socket.subscribe(channel);
        socket.await("pusher:cache_miss", channel);
    }

    @Test
    void every_event_type_arrives_with_its_fields_signed_so_both_official_sdks_accept_it() throws Exception {
        PusherSocket socket = connect("hooks");
        String id = socket.socketId();
        socket.subscribe("wh-news");
        socket.subscribed("wh-news");
        socket.subscribeWith("presence-wh-room", sdk("hooks").authenticate(id, "presence-wh-room", new PresenceUser("7")));
        socket.subscribed("presence-wh-room");
        socket.subscribeWith("private-wh-chat", sdk("hooks").authenticate(id, "private-wh-chat"));
        socket.subscribed("private-wh-chat");
        socket.send(clientEvent("private-wh-chat", "{\"typing\":true}"));
        socket.send(clientEvent("presence-wh-room", "\"a string\""));
        cacheMiss(socket, "cache-wh");
        socket.close();

        List<Hook> hooks = awaitEvents("/all", List.of(
                event("{\"name\":\"channel_occupied\",\"channel\":\"wh-news\"}"),
                event("{\"name\":\"subscription_count\",\"channel\":\"wh-news\",\"subscription_count\":1}"),
                event("{\"name\":\"channel_occupied\",\"channel\":\"presence-wh-room\"}"),
                event("{\"name\":\"member_added\",\"channel\":\"presence-wh-room\",\"user_id\":\"7\"}"),
                event("{\"name\":\"client_event\",\"channel\":\"private-wh-chat\",\"event\":\"client-typing\","
                        + "\"data\":{\"typing\":true},\"socket_id\":\"" + id + "\"}"),
                event("{\"name\":\"client_event\",\"channel\":\"presence-wh-room\",\"event\":\"client-typing\","
                        + "\"data\":\"a string\",\"socket_id\":\"" + id + "\",\"user_id\":\"7\"}"),
                event("{\"name\":\"cache_miss\",\"channel\":\"cache-wh\"}"),
                event("{\"name\":\"member_removed\",\"channel\":\"presence-wh-room\",\"user_id\":\"7\"}"),
                event("{\"name\":\"channel_vacated\",\"channel\":\"wh-news\"}"),
                event("{\"name\":\"channel_vacated\",\"channel\":\"presence-wh-room\"}"),
                event("{\"name\":\"channel_vacated\",\"channel\":\"private-wh-chat\"}"),
                event("{\"name\":\"channel_vacated\",\"channel\":\"cache-wh\"}")));

        Pusher receiverSdk = new Pusher("hooks", "hooks-key", "hooks-secret");
        for (Hook hook : hooks) {
            assertEquals("application/json", hook.headers().get("content-type"));
            assertEquals("hooks-key", hook.headers().get("x-pusher-key"));
            assertTrue(hook.id().matches("[0-9a-f-]{36}"), hook.id());
            assertTrue(hook.json().getJsonNumber("time_ms").longValue() <= hook.atMs());
            assertEquals(Validity.VALID, receiverSdk.validateWebhookSignature(hook.headers().get("x-pusher-key"),
                    hook.headers().get("x-pusher-signature"), hook.body()), hook.body());
        }
        assertEquals(Validity.INVALID, receiverSdk.validateWebhookSignature("hooks-key",
                hooks.get(0).headers().get("x-pusher-signature"), hooks.get(0).body() + " "), "the check can fail");

        Hook first = hooks.get(0);
        String headers = jakarta.json.Json.createObjectBuilder(Map.of(
                "Content-Type", first.headers().get("content-type"), "X-Pusher-Key", first.headers().get("x-pusher-key"),
                "X-Pusher-Signature", first.headers().get("x-pusher-signature"))).build().toString();
        try (NodeClient node = NodeClient.run("webhook-check.mjs", "hooks", "hooks-key", "hooks-secret",
                base64(headers), base64(first.body()))) {
            JsonObject checked = node.await("checked");
            assertTrue(checked.getBoolean("valid"), checked.toString());
            assertEquals(first.json().getJsonArray("events"), checked.getJsonArray("events"));
        }
        try (NodeClient node = NodeClient.run("webhook-check.mjs", "hooks", "hooks-key", "other-secret",
                base64(headers), base64(first.body()))) {
            assertFalse(node.await("checked").getBoolean("valid"), "the npm check can fail");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void targets_get_only_the_event_types_and_channels_they_filter_for_with_their_headers() {
        PusherSocket socket = connect("hooks");
        socket.subscribeWith("presence-f-room", sdk("hooks").authenticate(socket.socketId(), "presence-f-room",
                new PresenceUser("8")));
        socket.subscribed("presence-f-room");
        socket.subscribeWith("private-f-chat", sdk("hooks").authenticate(socket.socketId(), "private-f-chat"));
        socket.subscribed("private-f-chat");
        socket.subscribe("f-news");
        socket.subscribed("f-news");
        awaitEvents("/all", List.of(event("{\"name\":\"channel_occupied\",\"channel\":\"f-news\"}")));
        awaitEvents("/members", List.of(event("{\"name\":\"member_added\",\"channel\":\"presence-f-room\",\"user_id\":\"8\"}")));
        awaitEvents("/prefix", List.of(event("{\"name\":\"channel_occupied\",\"channel\":\"private-f-chat\"}")));
        Pause.sleep(400); // a batch still open for the other targets would have closed by now
        assertTrue(events("/members").stream().allMatch(e -> e.getString("name").startsWith("member_")),
                events("/members").toString());
        assertTrue(events("/prefix").stream().allMatch(e -> e.getString("channel").startsWith("private-")),
                events("/prefix").toString());
        assertTrue(hooks("/prefix").stream().allMatch(h -> "yes".equals(h.headers().get("x-extra"))));
        assertNull(hooks("/all").get(0).headers().get("x-extra"));
    }

    @Test
    void a_burst_goes_in_batches_of_twenty_and_a_lone_event_waits_for_the_window() {
        PusherSocket socket = connect("batch");
        socket.subscribeWith("private-burst", sdk("batch").authenticate(socket.socketId(), "private-burst"));
        socket.subscribed("private-burst");
        for (int n = 0; n < 45; n++) {
            socket.send(clientEvent("private-burst", "{\"n\":" + n + "}"));
        }
        List<Hook> hooks = await("/batch", got -> got.stream().mapToInt(h -> h.events().size()).sum() == 45,
                Duration.ofSeconds(10), "45 client events");
        assertEquals(List.of(20, 20, 5), hooks.stream().map(h -> h.events().size()).toList());
        List<Integer> order = new ArrayList<>();
        hooks.forEach(h -> h.events().forEach(e -> order.add(e.getJsonObject("data").getInt("n"))));
        assertEquals(java.util.stream.IntStream.range(0, 45).boxed().toList(), order, "in the order they were sent");

        long sent = System.currentTimeMillis();
        socket.send(clientEvent("private-burst", "{\"n\":45}"));
        Hook lone = await("/batch", got -> got.size() == 4, Duration.ofSeconds(5), "the lone event").get(3);
        assertEquals(1, lone.events().size());
        assertTrue(lone.atMs() - sent >= 200, "arrived after " + (lone.atMs() - sent) + " ms, before its window ended");
    }

    @Test
    void a_failed_or_hanging_attempt_is_retried_with_the_same_batch_until_a_2xx() {
        SCRIPTS.put("/retry", new ConcurrentLinkedDeque<>(List.of("500", "500", "ok", "hang", "ok")));
        PusherSocket socket = connect("retry");
        cacheMiss(socket, "cache-retry-1");
        List<Hook> hooks = await("/retry", got -> got.size() >= 3, Duration.ofSeconds(10), "three attempts");
        assertEquals(1, hooks.stream().map(Hook::id).distinct().count(), "one Webhook-Id on every attempt");
        assertEquals(1, hooks.stream().map(Hook::body).distinct().count(), "the same bytes on every attempt");
        assertEquals(1, hooks.stream().map(h -> h.headers().get("x-pusher-signature")).distinct().count());
        assertTrue(hooks.get(1).atMs() - hooks.get(0).atMs() >= 900, "backoff of 1 s");
        assertTrue(hooks.get(2).atMs() - hooks.get(1).atMs() >= 1900, "backoff of 2 s");

        cacheMiss(socket, "cache-retry-2");
        List<Hook> again = await("/retry", got -> got.size() >= 5, Duration.ofSeconds(10), "hang, then ok");
        assertEquals(again.get(3).id(), again.get(4).id());
        assertTrue(again.get(4).atMs() - again.get(3).atMs() >= 1900, "timed out after 1 s, then 1 s of backoff");
        Pause.sleep(1500);
        assertEquals(5, hooks("/retry").size(), "nothing is sent again after a 2xx");
    }

    @Test
    void a_batch_that_keeps_failing_is_given_up_after_the_retry_window_with_one_log_line() {
        PusherSocket socket = connect("giveup");
        cacheMiss(socket, "cache-giveup");
        // attempts at 0, 1 and 3 s; the next would be at 7 s, past SOCKET_WEBHOOK_RETRY_S=6
        String line = payara.awaitLog(l -> l.contains("of app giveup") && l.contains("given up after"),
                Duration.ofSeconds(12));
        assertTrue(line.contains("3 attempt(s)") && line.contains("HTTP 500") && line.contains("SOCKET_WEBHOOK_RETRY_S"),
                line);
        Pause.sleep(2000);
        assertEquals(3, hooks("/giveup").size());
    }

    @Test
    void a_receiver_that_is_down_gets_the_batch_once_it_is_up_again() {
        PusherSocket socket = connect("downup");
        cacheMiss(socket, "cache-downup");
        Pause.sleep(1500); // the first two attempts find nobody listening
        spare = receiver(SPARE_PORT);
        List<Hook> hooks = await("/downup", got -> !got.isEmpty(), Duration.ofSeconds(8), "the batch after the restart");
        assertEquals(List.of(event("{\"name\":\"cache_miss\",\"channel\":\"cache-downup\"}")), hooks.get(0).events());
    }

    @Test
    void an_app_whose_receiver_hangs_does_not_hold_up_another_apps_webhooks() {
        PusherSocket slow = connect("slow");
        for (int n = 0; n < 3; n++) {
            cacheMiss(slow, "cache-slow-" + n);
            Pause.sleep(300);
        }
        await("/hang", got -> !got.isEmpty(), Duration.ofSeconds(5), "the hanging receiver was called");
        PusherSocket fast = connect("fast");
        long made = System.currentTimeMillis();
        cacheMiss(fast, "cache-fast");
        Hook hook = await("/fast", got -> !got.isEmpty(), Duration.ofSeconds(5), "the other app's event").get(0);
        assertTrue(hook.atMs() - made < 1500, "took " + (hook.atMs() - made) + " ms");
    }

    @Test
    void a_graceful_stop_sends_the_batches_still_open() {
        // a window far longer than the test: only the stop can close this batch
        String apps = "{\"apps\":[{\"id\":\"stop\",\"key\":\"stop-key\",\"secret\":\"stop-secret\","
                + "\"webhooks\":[{\"url\":\"" + url("/stop") + "\",\"event_types\":[\"cache_miss\"]}]}]}";
        try (PayaraServer stopping = PayaraServer.withEnvironment(Map.of(
                "SOCKET_APPS_FILE", AppsFileServer.write("webhooks-stop", apps),
                "SOCKET_WEBHOOK_BATCH_MS", "600000")).named("WebhooksIT-stop").readyAt("/app/stop-key").start()) {
            PusherSocket socket = stopping.connect("/app/stop-key?protocol=7");
            cacheMiss(socket, "cache-stop");
            Pause.sleep(500);
            assertTrue(hooks("/stop").isEmpty(), "the window is still open");
        }
        Hook hook = await("/stop", got -> !got.isEmpty(), Duration.ofSeconds(5), "the batch flushed at the stop").get(0);
        assertEquals(List.of(event("{\"name\":\"cache_miss\",\"channel\":\"cache-stop\"}")), hook.events());
    }
}
