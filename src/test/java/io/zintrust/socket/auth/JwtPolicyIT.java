package io.zintrust.socket.auth;

import com.pusher.rest.Pusher;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.NodeClient;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import io.zintrust.socket.testing.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOCKET_AUTH_POLICY=jwt with a key pair made for this run: real clients authorize with the user's
 * token, the token's claims decide, and every bad token gets a 401 or 403 saying why.
 */
class JwtPolicyIT {

    private static final String ID = "jwt-app";
    private static final String KEY = "jwt-key";
    private static final String SECRET = "jwt-secret";
    private static final TestTokens TOKENS = TestTokens.generate();

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "PUSHER_APP_ID", ID,
            "PUSHER_APP_KEY", KEY,
            "PUSHER_APP_SECRET", SECRET,
            "SOCKET_AUTH_POLICY", "jwt",
            "MP_JWT_VERIFY_PUBLICKEY", TOKENS.publicKeyPem(),
            "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER)).readyAt("/app/" + KEY);

    private static String token(String sub, String... channels) {
        var patterns = Json.createArrayBuilder();
        for (String channel : channels) {
            patterns.add(channel);
        }
        return TOKENS.sign(TestTokens.claims(sub).add("channels", patterns)
                .add("user_info", Json.createObjectBuilder().add("name", sub.toUpperCase())));
    }

    private static final String ADA = token("ada", "private-orders.*", "presence-room-42", "private-encrypted-user-*");

    private Http.Answer auth(String token, String body) {
        return token == null ? Http.postJson(payara.server().http("/broadcasting/auth"), body)
                : Http.postJson(payara.server().http("/broadcasting/auth"), body, "Authorization", "Bearer " + token);
    }

    private Http.Answer authFor(String token, String channel) {
        return auth(token, "{\"socket_id\":\"1.2\",\"channel_name\":\"" + channel + "\"}");
    }

    private Pusher sdk() {
        return TestApp.pusher(payara.server(), ID, KEY, SECRET);
    }

    private String port() {
        return Integer.toString(payara.server().port());
    }

    @Test
    void pusher_js_joins_a_private_channel_its_token_grants_and_receives_an_event() throws Exception {
        try (NodeClient node = NodeClient.run("token-clients.mjs", "private", "127.0.0.1", port(), KEY, ADA,
                "private-orders.7", "order.paid")) {
            node.await("subscribed");
            sdk().trigger("private-orders.7", "order.paid", Map.of("id", 7));
            assertEquals(7, node.await("event").getJsonObject("data").getInt("id"));
        }
    }

    @Test
    void pusher_js_is_refused_a_private_channel_its_token_does_not_grant() {
        try (NodeClient node = NodeClient.run("token-clients.mjs", "private", "127.0.0.1", port(), KEY, ADA,
                "private-invoices", "x")) {
            assertEquals(403, node.await("subscription-error").getInt("status"));
        }
    }

    @Test
    void pusher_js_joins_presence_as_the_tokens_user_with_its_user_info() {
        try (NodeClient node = NodeClient.run("token-clients.mjs", "private", "127.0.0.1", port(), KEY, ADA,
                "presence-room-42", "x")) {
            JsonObject me = node.await("subscribed").getJsonObject("me");
            assertEquals("ada", me.getString("id"));
            assertEquals("ADA", me.getJsonObject("info").getString("name"));
        }
    }

    @Test
    void laravel_echo_presence_roster_shows_the_tokens_user_not_the_one_the_client_claimed() {
        try (NodeClient node = NodeClient.run("token-clients.mjs", "presence", "127.0.0.1", port(), KEY, ADA,
                "room-42")) {
            JsonArray members = node.await("here").getJsonArray("members");
            assertEquals(1, members.size(), members.toString());
            assertEquals("ADA", members.getJsonObject(0).getString("name"), members.toString());
            assertFalse(members.toString().contains("mallory"), members.toString());
        }
    }

    @Test
    void pusher_js_signs_in_through_user_auth_and_receives_a_server_to_user_event() {
        try (NodeClient node = NodeClient.run("token-clients.mjs", "signin", "127.0.0.1", port(), KEY, ADA, "",
                "note")) {
            assertEquals("ada", node.await("signed-in").getString("id"));
            Http.Answer sent = Http.postJson(payara.server().http("/apps/" + ID + "/events"),
                    "{\"name\":\"note\",\"channel\":\"#server-to-user-ada\",\"data\":\"{\\\"n\\\":1}\"}",
                    "Authorization", "Bearer " + SECRET);
            assertEquals(200, sent.status(), sent.body());
            assertEquals(1, node.await("event").getJsonObject("data").getInt("n"));
        }
    }

    @Test
    void user_auth_signs_the_tokens_user_and_the_signature_verifies() {
        Http.Answer answer = Http.postJson(payara.server().http("/broadcasting/user-auth"),
                "{\"socket_id\":\"1.2\"}", "Authorization", "Bearer " + ADA);
        assertEquals(200, answer.status(), answer.body());
        String userData = answer.json().getString("user_data");
        assertEquals("{\"id\":\"ada\",\"user_info\":{\"name\":\"ADA\"}}", userData);
        assertEquals(KEY + ":" + io.zintrust.socket.signature.Hmac.sha256Hex(SECRET, "1.2::user::" + userData),
                answer.json().getString("auth"));
        assertEquals(401, Http.postJson(payara.server().http("/broadcasting/user-auth"), "{\"socket_id\":\"1.2\"}")
                .status());
    }

    @Test
    void a_presence_request_gets_channel_data_built_from_the_token_and_it_subscribes_a_real_socket() {
        PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
        Http.Answer answer = auth(ADA, "{\"socket_id\":\"" + socket.socketId() + "\",\"channel_name\":\"presence-room-42\"}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{\"user_id\":\"ada\",\"user_info\":{\"name\":\"ADA\"}}", answer.json().getString("channel_data"));
        socket.subscribeWith("presence-room-42", answer.body());
        socket.subscribed("presence-room-42");
    }

    @Test
    void channel_data_naming_another_user_is_refused() {
        Http.Answer answer = auth(ADA, "{\"socket_id\":\"1.2\",\"channel_name\":\"presence-room-42\","
                + "\"channel_data\":\"{\\\"user_id\\\":\\\"mallory\\\"}\"}");
        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.error().contains("mallory") && answer.error().contains("ada"), answer.body());
        Http.Answer same = auth(ADA, "{\"socket_id\":\"1.2\",\"channel_name\":\"presence-room-42\","
                + "\"channel_data\":\"{\\\"user_id\\\":\\\"ada\\\"}\"}");
        assertEquals(200, same.status(), same.body());
    }

    @Test
    void a_missing_token_answers_401_saying_so() {
        Http.Answer answer = authFor(null, "private-orders.1");
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.error().startsWith("Missing bearer token"), answer.body());
        assertEquals(401, authFor("not-a-jwt", "private-orders.1").status());
    }

    @Test
    void an_expired_token_answers_401_saying_when_it_expired() {
        String expired = TOKENS.sign(TestTokens.claims("ada").add("exp", System.currentTimeMillis() / 1000 - 3600)
                .add("channels", Json.createArrayBuilder().add("*")));
        Http.Answer answer = authFor(expired, "private-orders.1");
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.error().startsWith("Token expired at "), answer.body());
    }

    @Test
    void a_token_from_another_issuer_answers_401_naming_the_expected_one() {
        String foreign = TOKENS.sign(TestTokens.claims("ada").add("iss", "https://other.example")
                .add("channels", Json.createArrayBuilder().add("*")));
        Http.Answer answer = authFor(foreign, "private-orders.1");
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.error().contains(TestTokens.ISSUER), answer.body());
    }

    @Test
    void a_token_signed_by_another_key_answers_401() {
        String forged = TestTokens.generate().sign(TestTokens.claims("ada").add("channels",
                Json.createArrayBuilder().add("*")));
        Http.Answer answer = authFor(forged, "private-orders.1");
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.error().startsWith("Token signature is invalid"), answer.body());
        Http.Answer garbage = authFor("eyJ.eyJ.sig", "private-orders.1");
        assertEquals(401, garbage.status(), garbage.body());
        assertTrue(garbage.error().startsWith("Malformed bearer token"), garbage.body());
    }

    @Test
    void a_token_without_a_channels_claim_answers_403() {
        Http.Answer answer = authFor(TOKENS.sign(TestTokens.claims("ada")), "private-orders.1");
        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.error().contains("no channels claim"), answer.body());
    }

    @Test
    void a_channel_no_pattern_matches_answers_403_naming_it() {
        for (String channel : new String[] {"private-orders", "presence-room-420", "private-encrypted-team-1"}) {
            Http.Answer answer = authFor(ADA, channel);
            assertEquals(403, answer.status(), answer.body());
            assertTrue(answer.error().contains(channel), answer.body());
        }
        assertEquals(200, authFor(ADA, "private-encrypted-user-ada").status());
    }

    @Test
    void a_user_token_publishes_to_the_channels_its_publish_claim_lists_and_nowhere_else() {
        String publisher = TOKENS.sign(TestTokens.claims("ada").add("publish",
                Json.createArrayBuilder().add("private-orders.ada-*")));
        PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
        socket.subscribeWith("private-orders.ada-1", auth(ADA, "{\"socket_id\":\"" + socket.socketId()
                + "\",\"channel_name\":\"private-orders.ada-1\"}").body());
        socket.subscribed("private-orders.ada-1");
        Http.Answer allowed = publish(publisher, "private-orders.ada-1");
        assertEquals(200, allowed.status(), allowed.body());
        assertEquals("{\"from\":\"ada\"}", socket.await("note", "private-orders.ada-1").getString("data"));

        Http.Answer elsewhere = publish(publisher, "private-orders.bob-1");
        assertEquals(403, elsewhere.status(), elsewhere.body());
        assertTrue(elsewhere.error().contains("private-orders.bob-1"), elsewhere.body());
        Http.Answer noClaim = publish(ADA, "private-orders.ada-1");
        assertEquals(403, noClaim.status(), noClaim.body());
        assertTrue(noClaim.error().contains("no publish claim"), noClaim.body());
        assertEquals(401, publish(TestTokens.generate().sign(TestTokens.claims("ada")), "private-orders.ada-1").status());
    }

    @Test
    void a_user_token_cannot_query_channels_and_the_app_secret_still_publishes() {
        Http.Answer query = Http.send(java.net.http.HttpRequest.newBuilder(payara.server().http("/apps/" + ID + "/channels"))
                .header("Authorization", "Bearer " + ADA).GET());
        assertEquals(403, query.status(), query.body());
        Http.Answer secret = Http.postJson(payara.server().http("/apps/" + ID + "/events"),
                "{\"name\":\"x\",\"channel\":\"anything\",\"data\":\"{}\"}", "Authorization", "Bearer " + SECRET);
        assertEquals(200, secret.status(), secret.body());
        assertEquals(200, sdk().trigger("anything", "x", Map.of()).getHttpStatus());
    }

    private Http.Answer publish(String token, String channel) {
        return Http.postJson(payara.server().http("/apps/" + ID + "/events"),
                "{\"name\":\"note\",\"channel\":\"" + channel + "\",\"data\":\"{\\\"from\\\":\\\"ada\\\"}\"}",
                "Authorization", "Bearer " + token);
    }
}
