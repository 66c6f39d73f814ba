package io.zintrust.socket.health;

import com.sun.net.httpserver.HttpServer;
import io.zintrust.socket.support.Handshake;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.Pause;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readiness through a server's life, one server per test: while it starts (no upgrade reaches a
 * half-started endpoint; clustered, UP only as a grid member), while it drains after SIGTERM (DOWN, new sockets refused, every socket told
 * 4200, webhooks flushed) and the drain's bound.
 */
class LifecycleIT {

    private static final String KEY = "life-key";
    private final List<String> hooks = new CopyOnWriteArrayList<>();
    private volatile long vacatedDelayMs;
    private HttpServer receiver;

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of("PUSHER_APP_ID", "life-app", "PUSHER_APP_KEY", KEY,
                "PUSHER_APP_SECRET", "life-secret"));
        environment.putAll(extra);
        return environment;
    }

    /** A webhook receiver that records every body and holds the answer to channel_vacated for a while. */
    private String receiver() {
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("channel_vacated")) {
                Pause.sleep(vacatedDelayMs);
            }
            hooks.add(body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void while_it_starts_no_upgrade_meets_a_half_started_endpoint_and_ready_means_a_socket_connects() {
        try (PayaraServer payara = PayaraServer.withEnvironment(environment(Map.of())).named("LifecycleIT-starting")
                .notWaitingForReadiness().start()) {
            JsonObject ready = readinessThroughStart(payara);
            assertEquals("node", ready.getString("transport"), ready.toString());
            PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
            socket.assertAlive();
        }
    }

    @Test
    void clustered_instances_are_ready_only_as_grid_members_and_a_second_one_only_once_it_has_joined_the_first() {
        String cluster = "lifecycle-" + ProcessHandle.current().pid();
        try (PayaraServer first = PayaraServer.withEnvironment(environment(Map.of())).named("LifecycleIT-cluster-1")
                .clustered(cluster).notWaitingForReadiness().start()) {
            JsonObject ready = readinessThroughStart(first);
            assertEquals("cluster", ready.getString("transport"), ready.toString());
            assertEquals("1", ready.getString("instances"), ready.toString());
            try (PayaraServer second = PayaraServer.withEnvironment(environment(Map.of()))
                    .named("LifecycleIT-cluster-2").clustered(cluster).notWaitingForReadiness().start()) {
                JsonObject joined = readinessThroughStart(second);
                assertEquals("cluster", joined.getString("transport"), joined.toString());
                assertEquals("2", joined.getString("instances"), "its first UP already counts the first instance: " + joined);
                JsonObject firstNow = HealthIT.check(Http.get(first.server().http("/health/ready")), "zintrust-socket")
                        .getJsonObject("data");
                assertEquals("2", firstNow.getString("instances"), firstNow.toString());
            }
        }
    }

    /**
     * Polls readiness and upgrades from the first answer until readiness is UP: no upgrade may fail with
     * 500 once the app has answered, readiness must have been DOWN first, and the first upgrade after it
     * is UP must succeed. Returns the data of the first UP answer, which must say the grid is joined.
     */
    private static JsonObject readinessThroughStart(PayaraServer payara) {
        List<String> seen = new ArrayList<>();
        boolean plainAnswered = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Answer readiness = answerOrNull(() -> Http.get(payara.server().http("/health/ready")));
            if (readiness != null && readiness.status() == 200) {
                Handshake.Answer upgrade = Handshake.send(payara.server(), "/app/" + KEY + "?protocol=7");
                assertEquals(101, upgrade.status(), "first upgrade once ready: " + upgrade + ", before: " + seen);
                assertTrue(seen.stream().anyMatch(line -> !line.startsWith("ready 200")),
                        "readiness was DOWN first: " + seen);
                JsonObject data = HealthIT.check(readiness, "zintrust-socket").getJsonObject("data");
                assertTrue(gridJoined(data), "UP only as a grid member: " + data);
                assertEquals("serving", data.getString("phase"), data.toString());
                return data;
            }
            if (readiness != null && readiness.status() == 503 && readiness.body().contains("zintrust-socket")) {
                // DOWN while it starts, or (clustered) serving but not yet a grid member
                JsonObject data = HealthIT.check(readiness, "zintrust-socket").getJsonObject("data");
                boolean starting = data.getString("phase").equals("starting");
                assertTrue(starting || data.getString("phase").equals("serving") && !gridJoined(data),
                        "why DOWN: " + data);
            }
            int ready = readiness == null ? 0 : readiness.status();
            Http.Answer plainAnswer = answerOrNull(() -> Http.get(payara.server().http("/app/" + KEY)));
            int plain = plainAnswer == null ? 0 : plainAnswer.status();
            plainAnswered |= plain == 426;
            if (plain != 0) {
                Handshake.Answer upgrade = Handshake.send(payara.server(), "/app/" + KEY + "?protocol=7");
                seen.add("ready " + ready + ", plain " + plain + ", upgrade " + upgrade.status());
                assertFalse(plainAnswered && upgrade.status() == 500,
                        "an upgrade failed with 500 after the app answered: " + upgrade.body() + "; " + seen);
                if (upgrade.status() == 503 && upgrade.body().startsWith("{")) {
                    // ours (Payara's own placeholder while it deploys is an HTML 503)
                    assertTrue(upgrade.body().contains("Server is starting"), upgrade.body());
                }
            }
            Pause.sleep(20);
        }
        throw new AssertionError("never ready within 150 s: " + seen);
    }

    @Test
    void a_stop_signal_drains_readiness_down_sockets_told_4200_new_ones_refused_and_webhooks_flushed() {
        vacatedDelayMs = 2500;
        String hookUrl = receiver();
        PayaraServer payara = PayaraServer.withEnvironment(environment(Map.of("SOCKET_WEBHOOK_URLS", hookUrl,
                "SOCKET_WEBHOOK_BATCH_MS", "50", "SOCKET_WEBHOOK_TIMEOUT_MS", "8000"))).named("LifecycleIT-draining")
                .readyAt("/app/" + KEY).start();
        try {
            PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
            socket.subscribe("drain-news");
            socket.subscribed("drain-news");
            awaitHook("channel_occupied");

            payara.terminate();
            JsonObject error = socket.await("pusher:error");
            assertEquals(4200, PusherSocket.data(error).getInt("code"), error.toString());
            CloseReason close = socket.awaitClose();
            assertEquals(4200, close.getCloseCode().getCode(), close.toString());

            // the vacated webhook is held by the receiver: the drain is still flushing it
            Http.Answer ready = Http.get(payara.server().http("/health/ready"));
            assertEquals(503, ready.status(), ready.body());
            assertEquals("draining", HealthIT.check(ready, "zintrust-socket").getJsonObject("data").getString("phase"));
            Handshake.Answer refused = Handshake.send(payara.server(), "/app/" + KEY + "?protocol=7");
            assertEquals(503, refused.status(), refused.body());
            assertTrue(refused.body().contains("\"error\":\"Server is shutting down"), refused.body());

            assertEquals(143, payara.awaitExit(Duration.ofSeconds(30)), "exit code after SIGTERM");
            assertTrue(hooks.stream().anyMatch(body -> body.contains("channel_vacated") && body.contains("drain-news")),
                    "the vacated webhook was delivered before the exit: " + hooks);
        } finally {
            payara.close();
        }
    }

    @Test
    void a_drain_never_outlasts_its_grace_even_when_a_webhook_receiver_hangs() {
        vacatedDelayMs = 60_000;
        String hookUrl = receiver();
        PayaraServer payara = PayaraServer.withEnvironment(environment(Map.of("SOCKET_WEBHOOK_URLS", hookUrl,
                "SOCKET_WEBHOOK_BATCH_MS", "50", "SOCKET_WEBHOOK_TIMEOUT_MS", "60000", "SOCKET_SHUTDOWN_GRACE_S", "3")))
                .named("LifecycleIT-grace").readyAt("/app/" + KEY).start();
        try {
            PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
            socket.subscribe("grace-news");
            socket.subscribed("grace-news");
            awaitHook("channel_occupied");
            long signalled = System.nanoTime();
            payara.terminate();
            assertEquals(4200, socket.awaitClose().getCloseCode().getCode());
            assertEquals(143, payara.awaitExit(Duration.ofSeconds(40)));
            long tookMs = (System.nanoTime() - signalled) / 1_000_000;
            assertTrue(tookMs >= 2500, "the drain waited for the webhook up to its grace: " + tookMs + " ms");
            assertTrue(payara.log().contains("ZinTrust Socket stopping: telling 1 socket(s) to reconnect (4200), 3 s at most"),
                    "drain log line");
        } finally {
            payara.close();
        }
    }

    private void awaitHook(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hooks.stream().noneMatch(body -> body.contains(name))) {
            assertTrue(System.nanoTime() < deadline, "no " + name + " webhook: " + hooks);
            Pause.sleep(20);
        }
    }

    /** Payara prints a check's boolean data as a string: "true". */
    private static boolean gridJoined(JsonObject data) {
        return String.valueOf(data.get("grid_joined")).replace("\"", "").equals("true");
    }

    private static Http.Answer answerOrNull(java.util.function.Supplier<Http.Answer> request) {
        try {
            return request.get();
        } catch (RuntimeException notListening) {
            return null;
        }
    }
}
