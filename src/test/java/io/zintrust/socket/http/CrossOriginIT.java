package io.zintrust.socket.http;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.Loopback;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CORS on the HTTP routes, as a browser sees it: preflights answered before JAX-RS, answers readable by
 * the pages of SOCKET_CORS_ORIGINS only, nothing at all while it is unset.
 */
class CrossOriginIT {

    private static final String LISTED = "http://127.0.0.1:8099";
    private static final String OTHER = "http://x";
    private static final String ASKED_HEADERS = "authorization,content-type,x-csrf-token,x-socket-id";

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "PUSHER_APP_ID", "cors-app", "PUSHER_APP_KEY", "cors-key", "PUSHER_APP_SECRET", "cors-secret",
            "SOCKET_AUTH_POLICY", "allow",
            "SOCKET_CORS_ORIGINS", "https://app.example.com, " + LISTED)).readyAt("/app/cors-key");

    private static HttpResponse<String> preflight(Loopback server, String path, String origin) {
        return Http.exchange(HttpRequest.newBuilder(server.http(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", ASKED_HEADERS));
    }

    /** pusher-js's channel authorization: a form POST. */
    private static HttpResponse<String> authorize(Loopback server, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.http("/broadcasting/auth"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("socket_id=1234.5678&channel_name=private-orders"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return Http.exchange(request);
    }

    private static HttpResponse<String> publish(String origin, String secret) {
        return Http.exchange(HttpRequest.newBuilder(payara.server().http("/apps/cors-app/events"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secret)
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"orders.updated\",\"channel\":\"orders\",\"data\":{\"orderId\":42}}")));
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    private static void assertNoCorsHeaders(HttpResponse<?> response) {
        List<String> cors = response.headers().map().keySet().stream()
                .filter(name -> name.toLowerCase().startsWith("access-control-")).toList();
        assertEquals(List.of(), cors, response.headers().map().toString());
    }

    private static void assertAllowsWithCredentials(HttpResponse<?> response, String origin) {
        assertEquals(Optional.of(origin), header(response, "Access-Control-Allow-Origin"), response.headers().map().toString());
        assertEquals(Optional.of("true"), header(response, "Access-Control-Allow-Credentials"));
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")),
                response.headers().map().toString());
    }

    @Test
    void a_preflight_from_a_listed_origin_is_answered_204_by_the_filter_with_methods_requested_headers_and_credentials() {
        for (String path : List.of("/broadcasting/auth", "/apps/cors-app/events")) {
            HttpResponse<String> answer = preflight(payara.server(), path, LISTED);
            assertEquals(204, answer.statusCode(), path + ": " + answer.body());
            assertAllowsWithCredentials(answer, LISTED);
            assertEquals(Optional.of("POST, GET, OPTIONS"), header(answer, "Access-Control-Allow-Methods"));
            assertEquals(Optional.of(ASKED_HEADERS), header(answer, "Access-Control-Allow-Headers"));
            assertEquals(Optional.of("600"), header(answer, "Access-Control-Max-Age"));
            // JAX-RS answers OPTIONS itself with 200 and an Allow header: neither means it never got there
            assertEquals(Optional.empty(), header(answer, "Allow"), answer.headers().map().toString());
            assertEquals("", answer.body());
        }
    }

    @Test
    void a_preflight_from_an_origin_not_listed_is_refused_with_403_in_json_and_no_cors_headers() {
        HttpResponse<String> answer = preflight(payara.server(), "/broadcasting/auth", OTHER);
        assertEquals(403, answer.statusCode());
        assertNoCorsHeaders(answer);
        assertEquals(Optional.of("application/json"), header(answer, "Content-Type").map(t -> t.split(";")[0]));
        assertEquals("{\"error\":\"Origin http://x is not allowed: add it to SOCKET_CORS_ORIGINS\"}", answer.body());
    }

    @Test
    void broadcasting_auth_from_a_listed_origin_answers_the_token_with_the_origin_and_credentials() {
        HttpResponse<String> answer = authorize(payara.server(), LISTED);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(PusherSocket.parse(answer.body()).getString("auth").startsWith("cors-key:"), answer.body());
        assertAllowsWithCredentials(answer, LISTED);
        assertEquals(Optional.empty(), header(answer, "Access-Control-Allow-Methods"), "only preflights list methods");
    }

    @Test
    void a_request_from_an_origin_not_listed_is_served_unchanged_without_cors_headers() {
        HttpResponse<String> answer = authorize(payara.server(), OTHER);
        assertEquals(200, answer.statusCode(), answer.body());
        assertNoCorsHeaders(answer);
        HttpResponse<String> published = publish("https://app.example.com:8443", "cors-secret");
        assertEquals(200, published.statusCode(), published.body());
        assertNoCorsHeaders(published);
    }

    @Test
    void a_request_without_origin_gets_no_cors_headers() {
        HttpResponse<String> answer = authorize(payara.server(), null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertNoCorsHeaders(answer);
        assertFalse(answer.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));
    }

    @Test
    void a_publish_from_a_listed_origin_is_readable_by_the_page_errors_included() {
        HttpResponse<String> published = publish("https://app.example.com", "cors-secret");
        assertEquals(200, published.statusCode(), published.body());
        assertAllowsWithCredentials(published, "https://app.example.com");
        HttpResponse<String> refused = publish("https://app.example.com", "wrong-secret");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(PusherSocket.parse(refused.body()).getString("error").contains("secret"), refused.body());
        assertAllowsWithCredentials(refused, "https://app.example.com");
    }

    @Test
    void the_websocket_path_is_not_a_cors_route() {
        HttpResponse<String> answer = Http.exchange(HttpRequest.newBuilder(payara.server().http("/app/cors-key"))
                .header("Origin", LISTED).GET());
        assertEquals(426, answer.statusCode());
        assertNoCorsHeaders(answer);
    }

    @Test
    void the_startup_log_lists_the_allowed_origins() {
        String line = payara.awaitLog(l -> l.contains("ZinTrust Socket configuration"), Duration.ofSeconds(5));
        assertTrue(line.contains("corsOrigins=https://app.example.com,http://127.0.0.1:8099"), line);
    }

    @Test
    void with_a_star_every_origin_is_allowed_without_credentials() {
        try (PayaraServer any = PayaraServer.withEnvironment(Map.of(
                "PUSHER_APP_ID", "cors-app", "PUSHER_APP_KEY", "cors-key", "PUSHER_APP_SECRET", "cors-secret",
                "SOCKET_AUTH_POLICY", "allow", "SOCKET_CORS_ORIGINS", "*"))
                .named("CrossOriginIT-star").readyAt("/app/cors-key").start()) {
            HttpResponse<String> answer = preflight(any.server(), "/broadcasting/auth", OTHER);
            assertEquals(204, answer.statusCode(), answer.body());
            assertEquals(Optional.of("*"), header(answer, "Access-Control-Allow-Origin"));
            assertEquals(Optional.empty(), header(answer, "Access-Control-Allow-Credentials"));
            assertEquals(Optional.of(ASKED_HEADERS), header(answer, "Access-Control-Allow-Headers"));
            HttpResponse<String> authorized = authorize(any.server(), "https://anywhere.example");
            assertEquals(200, authorized.statusCode(), authorized.body());
            assertEquals(Optional.of("*"), header(authorized, "Access-Control-Allow-Origin"));
            assertEquals(Optional.empty(), header(authorized, "Access-Control-Allow-Credentials"));
        }
    }

    @Test
    void without_socket_cors_origins_no_answer_carries_cors_headers() {
        try (PayaraServer none = PayaraServer.withEnvironment(Map.of(
                "PUSHER_APP_ID", "cors-app", "PUSHER_APP_KEY", "cors-key", "PUSHER_APP_SECRET", "cors-secret",
                "SOCKET_AUTH_POLICY", "allow"))
                .named("CrossOriginIT-unset").readyAt("/app/cors-key").start()) {
            HttpResponse<String> answer = preflight(none.server(), "/broadcasting/auth", LISTED);
            assertNoCorsHeaders(answer);
            assertTrue(answer.statusCode() != 204, "nothing answers the preflight as CORS: " + answer.statusCode());
            HttpResponse<String> authorized = authorize(none.server(), LISTED);
            assertEquals(200, authorized.statusCode(), authorized.body());
            assertNoCorsHeaders(authorized);
            assertFalse(none.log().contains("corsOrigins"), "describe leaves an empty list out");
        }
    }
}
