package io.zintrust.socket.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.NodeClient;
import io.zintrust.socket.support.Pause;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOCKET_AUTH_POLICY=url against a small app this test runs, the way a Laravel, Rails or Spring backend
 * would answer: it sees the caller's headers, decides, names the user; and when it is slow, broken or
 * down the server answers 503 within the timeout instead of hanging.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UrlPolicyIT {

    private static final String KEY = "url-key";
    private static final int TIMEOUT_MS = 1000;
    private static final AtomicReference<String> MODE = new AtomicReference<>("decide");
    private static final BlockingQueue<Call> CALLS = new LinkedBlockingQueue<>();
    private static final HttpServer APP = startApp();

    private record Call(JsonObject body, String authorization, String cookie) {
    }

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "PUSHER_APP_ID", "url-app",
            "PUSHER_APP_KEY", KEY,
            "PUSHER_APP_SECRET", "url-secret",
            "SOCKET_AUTH_POLICY", "url",
            "SOCKET_AUTH_URL", "http://127.0.0.1:" + APP.getAddress().getPort() + "/socket/authorize",
            "SOCKET_AUTH_URL_TIMEOUT_MS", Integer.toString(TIMEOUT_MS))).readyAt("/app/" + KEY);

    /** The app: a session cookie or bearer value "session-NAME" is user NAME, who may join NAME's channels. */
    private static HttpServer startApp() {
        try {
            HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            app.createContext("/socket/authorize", UrlPolicyIT::answer);
            // one thread per call, so the slow case's sleeping handler does not hold up the next test
            app.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            app.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        JsonObject body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        CALLS.add(new Call(body, authorization, cookie));
        switch (MODE.get()) {
            case "slow" -> {
                Pause.sleep(3 * TIMEOUT_MS);
                reply(exchange, 200, "{\"authorized\":true}");
            }
            case "broken" -> reply(exchange, 500, "<h1>Whoops</h1>");
            case "nonsense" -> reply(exchange, 200, "OK");
            case "anyone" -> reply(exchange, 200, "{\"authorized\":true}");
            default -> decide(exchange, body, authorization, cookie);
        }
    }

    private static void decide(HttpExchange exchange, JsonObject body, String authorization, String cookie)
            throws IOException {
        String session = cookie != null && cookie.startsWith("session=") ? cookie.substring(8)
                : authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (session == null || !session.startsWith("session-")) {
            reply(exchange, 401, "{\"message\":\"Unauthenticated.\"}");
            return;
        }
        String user = session.substring(8);
        String channel = body.getString("channel_name", null);
        if (channel != null && !channel.contains(user)) {
            reply(exchange, 200, "{\"authorized\":false,\"message\":\"" + user + " may not join " + channel + "\"}");
            return;
        }
        reply(exchange, 200, "{\"authorized\":true,\"user_id\":\"" + user + "\",\"user_info\":{\"name\":\""
                + user.toUpperCase() + "\"}}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stopApp() {
        APP.stop(0);
    }

    private Http.Answer auth(String path, String body, String... headers) {
        CALLS.clear();
        return Http.postJson(payara.server().http(path), body, headers);
    }

    private Call call() throws InterruptedException {
        Call call = CALLS.poll(5, TimeUnit.SECONDS);
        assertNotNull(call, "the app was not asked");
        return call;
    }

    @Test
    @Order(1)
    void the_app_is_asked_with_the_callers_cookie_and_authorization_and_its_user_is_signed() throws Exception {
        Http.Answer answer = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"presence-ada-room\"}",
                "Cookie", "session=session-ada", "Authorization", "Bearer abc");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{\"user_id\":\"ada\",\"user_info\":{\"name\":\"ADA\"}}", answer.json().getString("channel_data"));
        Call call = call();
        assertEquals("url-app", call.body().getString("app_id"));
        assertEquals("1.2", call.body().getString("socket_id"));
        assertEquals("presence-ada-room", call.body().getString("channel_name"));
        assertEquals("session=session-ada", call.cookie());
        assertEquals("Bearer abc", call.authorization());
    }

    @Test
    @Order(2)
    void pusher_js_subscribes_through_the_app_with_its_authorization_header() {
        try (NodeClient node = NodeClient.run("token-clients.mjs", "private", "127.0.0.1",
                Integer.toString(payara.server().port()), KEY, "session-bob", "private-bob-orders", "x")) {
            assertTrue(node.await("subscribed").getString("socketId").matches("\\d+\\.\\d+"));
        }
    }

    @Test
    @Order(3)
    void a_refusal_by_the_app_answers_403_with_its_message() throws Exception {
        Http.Answer answer = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-bob\"}",
                "Cookie", "session=session-ada");
        assertEquals(403, answer.status(), answer.body());
        assertEquals("ada may not join private-bob", answer.error());
        Http.Answer anonymous = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-bob\"}");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("Unauthenticated.", anonymous.error());
    }

    @Test
    @Order(4)
    void a_sign_in_asks_the_app_without_a_channel_and_signs_its_user() throws Exception {
        Http.Answer answer = auth("/broadcasting/user-auth", "{\"socket_id\":\"1.2\"}", "Cookie", "session=session-cy");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{\"id\":\"cy\",\"user_info\":{\"name\":\"CY\"}}", answer.json().getString("user_data"));
        assertTrue(!call().body().containsKey("channel_name"));
        PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
        Http.Answer signed = auth("/broadcasting/user-auth", "{\"socket_id\":\"" + socket.socketId() + "\"}",
                "Cookie", "session=session-cy");
        socket.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"" + signed.json().getString("auth")
                + "\",\"user_data\":" + jakarta.json.Json.createValue(signed.json().getString("user_data")) + "}}");
        socket.await("pusher:signin_success");
    }

    @Test
    @Order(5)
    void an_app_that_allows_without_naming_a_user_never_lets_the_client_choose_who_it_is() {
        MODE.set("anyone");
        try {
            Http.Answer privateChannel = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-x\"}");
            assertEquals(200, privateChannel.status(), privateChannel.body());
            Http.Answer presence = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"presence-x\","
                    + "\"channel_data\":\"{\\\"user_id\\\":\\\"the-ceo\\\"}\"}");
            assertEquals(503, presence.status(), presence.body());
            assertTrue(presence.error().contains("without a user_id"), presence.body());
            Http.Answer signIn = auth("/broadcasting/user-auth", "{\"socket_id\":\"1.2\",\"user_id\":\"the-ceo\"}");
            assertEquals(503, signIn.status(), signIn.body());
        } finally {
            MODE.set("decide");
        }
    }

    @Test
    @Order(6)
    void an_app_slower_than_the_timeout_answers_503_within_it() {
        MODE.set("slow");
        long started = System.nanoTime();
        Http.Answer answer = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-ada\"}",
                "Cookie", "session=session-ada");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.error().contains("did not answer within " + TIMEOUT_MS + " ms"), answer.body());
        // bounded by the timeout, not by the app's 3 s (a generous margin: this is not a speed test)
        assertTrue(took.toMillis() < 3 * TIMEOUT_MS - 200, took.toString());
        assertTrue(payara.awaitLog(line -> line.contains("did not answer within"), Duration.ofSeconds(5)) != null);
    }

    @Test
    @Order(7)
    void an_app_that_fails_or_answers_nonsense_answers_503_naming_what_it_did() {
        MODE.set("broken");
        Http.Answer broken = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-ada\"}");
        assertEquals(503, broken.status(), broken.body());
        assertTrue(broken.error().contains("answered HTTP 500"), broken.body());
        MODE.set("nonsense");
        Http.Answer nonsense = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-ada\"}");
        assertEquals(503, nonsense.status(), nonsense.body());
        assertTrue(nonsense.error().contains("without a JSON object"), nonsense.body());
        MODE.set("decide");
    }

    @Test
    @Order(8)
    void an_app_that_is_down_answers_503_saying_it_is_unreachable() {
        APP.stop(0);
        Http.Answer answer = auth("/broadcasting/auth", "{\"socket_id\":\"1.2\",\"channel_name\":\"private-ada\"}");
        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.error().contains("is unreachable"), answer.body());
    }
}
