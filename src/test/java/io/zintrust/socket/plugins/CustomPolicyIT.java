package io.zintrust.socket.plugins;

import io.zintrust.socket.testing.TestTokens;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.SignedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOCKET_AUTH_POLICY=custom with the example policy of examples/channel-policy, given to Payara Micro
 * with --addlibs beside the policy API jar, and users identified by RS256 tokens of the test's own key.
 */
class CustomPolicyIT {

    private static final String ID = "custom-app";
    private static final String KEY = "custom-key";
    private static final String SECRET = "custom-secret";
    private static final TestTokens TOKENS = TestTokens.generate();
    private static final Duration QUIET = Duration.ofSeconds(1);

    static final Path POLICY_API = Path.of(System.getProperty("zintrust.policyApi",
            "target/zintrust-socket-policy-api.jar"));
    static final Path EXAMPLE_POLICY = Path.of(System.getProperty("zintrust.examplePolicy",
            "examples/channel-policy/target/zintrust-channel-policy-example.jar"));

    // the policy jar given twice (a copy under another name): its classes must still be one bean each
    private static final Path EXAMPLE_COPY = copy(EXAMPLE_POLICY);

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
                    "PUSHER_APP_ID", ID, "PUSHER_APP_KEY", KEY, "PUSHER_APP_SECRET", SECRET,
                    "SOCKET_AUTH_POLICY", "custom",
                    "MP_JWT_VERIFY_PUBLICKEY", TOKENS.publicKeyPem(),
                    "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER))
            .withLibraries(POLICY_API, EXAMPLE_POLICY, EXAMPLE_COPY).readyAt("/app/" + KEY);

    private static Path copy(Path jar) {
        try {
            Path copy = Path.of(System.getProperty("project.build.directory", "target"), "it-policies",
                    "copy-of-" + jar.getFileName());
            Files.createDirectories(copy.getParent());
            return Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bearer(String user) {
        return "Bearer " + TOKENS.sign(TestTokens.claims(user));
    }

    private static Http.Answer auth(String body, String... headers) {
        return Http.postJson(payara.server().http("/broadcasting/auth"), body, headers);
    }

    private static String authBody(String socketId, String channel) {
        return Json.createObjectBuilder().add("socket_id", socketId).add("channel_name", channel).build().toString();
    }

    private static Http.Answer publish(String body, String... headers) {
        return Http.postJson(payara.server().http("/apps/" + ID + "/events"), body, headers);
    }

    private static String event(String name, String channel, String data) {
        return Json.createObjectBuilder().add("name", name).add("channel", channel).add("data", data).build().toString();
    }

    private PusherSocket subscribedTo(String channel) {
        PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
        socket.subscribe(channel);
        socket.subscribed(channel);
        return socket;
    }

    @Test
    void the_startup_log_names_the_installed_policies_once_and_the_jars_they_and_the_api_came_from() {
        String installed = payara.awaitLog(l -> l.contains("Channel authorization by"), Duration.ofSeconds(5));
        assertTrue(installed.contains("Channel authorization by io.zintrust.example.policy.ChannelAccess;"
                + " publish policy io.zintrust.example.policy.PublishChecks"), installed);
        String bean = payara.awaitLog(l -> l.contains("Policy bean io.zintrust.example.policy.ChannelAccess"),
                Duration.ofSeconds(5));
        assertEquals(1, payara.log().lines().filter(l -> l.contains("Policy bean io.zintrust.example.policy.ChannelAccess"))
                .count(), "the jar and its copy give one bean");
        // the WAR carries the API too: it must use the copy beside the policy jar, or nothing would match
        assertTrue(bean.contains(" from " + EXAMPLE_POLICY.toAbsolutePath().toFile().toURI() + ",")
                && bean.endsWith("policy API from " + POLICY_API.toAbsolutePath().toFile().toURI()), bean);
    }

    @Test
    void a_private_or_encrypted_or_presence_channel_without_a_token_is_refused_with_the_policys_message() {
        for (String channel : List.of("private-orders", "private-encrypted-vault", "presence-room")) {
            Http.Answer answer = auth(authBody("1.2", channel));
            assertEquals(403, answer.status(), answer.body());
            assertEquals("Channel " + channel + " requires an authenticated user.", answer.error());
        }
    }

    @Test
    void a_users_token_gets_a_private_subscription_signed_that_a_real_socket_subscribes_with() {
        PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
        Http.Answer answer = auth(authBody(socket.socketId(), "private-orders"), "Authorization", bearer("ada"));
        assertEquals(200, answer.status(), answer.body());
        socket.subscribeWith("private-orders", answer.body());
        socket.subscribed("private-orders");
    }

    @Test
    void a_presence_member_joins_as_the_tokens_subject() {
        PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
        Http.Answer answer = auth(authBody(socket.socketId(), "presence-room"), "Authorization", bearer("ada"));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("ada", PusherSocket.parse(answer.json().getString("channel_data")).getString("user_id"));
        socket.subscribeWith("presence-room", answer.body());
        JsonObject roster = PusherSocket.data(socket.subscribed("presence-room")).getJsonObject("presence");
        assertEquals(List.of("ada"), roster.getJsonArray("ids").getValuesAs(JsonString::getString));
    }

    @Test
    void a_presence_channel_data_naming_someone_else_than_the_token_is_refused() {
        String body = Json.createObjectBuilder().add("socket_id", "1.2").add("channel_name", "presence-room")
                .add("channel_data", "{\"user_id\":\"bob\"}").build().toString();
        Http.Answer answer = auth(body, "Authorization", bearer("ada"));
        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.error().contains("names user bob but the caller is user ada"), answer.body());
    }

    @Test
    void a_token_that_fails_verification_is_a_401_saying_why() {
        Http.Answer foreign = auth(authBody("1.2", "private-orders"),
                "Authorization", "Bearer " + TestTokens.generate().sign(TestTokens.claims("ada")));
        assertEquals(401, foreign.status(), foreign.body());
        assertTrue(foreign.error().contains("signature is invalid"), foreign.body());
        Http.Answer expired = auth(authBody("1.2", "private-orders"), "Authorization", "Bearer "
                + TOKENS.sign(TestTokens.claims("ada").add("exp", SignedRequest.now() - 3600)));
        assertEquals(401, expired.status(), expired.body());
        assertTrue(expired.error().startsWith("Token expired"), expired.body());
        Http.Answer otherIssuer = auth(authBody("1.2", "private-orders"), "Authorization", "Bearer "
                + TOKENS.sign(TestTokens.claims("ada").add("iss", "someone-else")));
        assertEquals(401, otherIssuer.status(), otherIssuer.body());
        assertTrue(otherIssuer.error().contains("'someone-else'"), otherIssuer.body());
    }

    @Test
    void user_auth_signs_in_the_tokens_user_and_refuses_an_anonymous_caller() {
        PusherSocket socket = payara.connect("/app/" + KEY + "?protocol=7");
        URI userAuth = payara.server().http("/broadcasting/user-auth");
        Http.Answer answer = Http.postJson(userAuth, "{\"socket_id\":\"" + socket.socketId() + "\"}",
                "Authorization", bearer("ada"));
        assertEquals(200, answer.status(), answer.body());
        String userData = answer.json().getString("user_data");
        assertEquals("ada", PusherSocket.parse(userData).getString("id"));
        socket.send(Json.createObjectBuilder().add("event", "pusher:signin").add("data", Json.createObjectBuilder()
                .add("auth", answer.json().getString("auth")).add("user_data", userData)).build().toString());
        assertEquals(userData, PusherSocket.data(socket.await("pusher:signin_success")).getString("user_data"));

        Http.Answer anonymous = Http.postJson(userAuth, "{\"socket_id\":\"1.2\",\"user_id\":\"ada\"}");
        assertEquals(403, anonymous.status(), anonymous.body());
        assertEquals("Sign-in requires an authenticated user.", anonymous.error());
    }

    @Test
    void an_admin_event_published_with_the_app_secret_alone_is_refused_and_not_delivered() {
        PusherSocket socket = subscribedTo("public-admin");
        Http.Answer answer = publish(event("admin.reset", "public-admin", "now"), "Authorization", "Bearer " + SECRET);
        assertEquals(403, answer.status(), answer.body());
        assertEquals("Admin publish requires an authenticated user.", answer.error());
        socket.assertNo("admin.reset", "public-admin", QUIET);
    }

    @Test
    void an_admin_event_from_a_signed_request_carrying_the_users_token_is_delivered() {
        PusherSocket socket = subscribedTo("public-admin-signed");
        String body = event("admin.reset", "public-admin-signed", "now");
        String path = "/apps/" + ID + "/events";
        String query = SignedRequest.query("POST", path, SignedRequest.authParams(KEY, SignedRequest.now(), body), SECRET);
        Http.Answer answer = Http.send(HttpRequest.newBuilder(payara.server().http(path + "?" + query))
                .header("Content-Type", "application/json").header("Authorization", bearer("ada"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("now", socket.await("admin.reset", "public-admin-signed").getString("data"));
    }

    @Test
    void an_admin_event_with_the_secret_header_and_the_users_token_is_delivered() {
        PusherSocket socket = subscribedTo("public-admin-header");
        Http.Answer answer = publish(event("admin.reset", "public-admin-header", "now"),
                "x-zintrust-socket-secret", SECRET, "Authorization", bearer("ada"));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("now", socket.await("admin.reset", "public-admin-header").getString("data"));
    }

    @Test
    void a_users_token_alone_still_cannot_publish() {
        Http.Answer answer = publish(event("admin.reset", "public-admin", "now"), "Authorization", bearer("ada"));
        assertEquals(401, answer.status(), answer.body());
        assertTrue(answer.error().contains("SOCKET_AUTH_POLICY=custom"), answer.body());
    }

    @Test
    void a_shout_is_delivered_as_the_policy_rewrote_it() {
        PusherSocket socket = subscribedTo("public-chat");
        Http.Answer answer = publish(event("chat.shout", "public-chat", "hello"), "Authorization", "Bearer " + SECRET);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("HELLO", socket.await("chat.shout", "public-chat").getString("data"));
    }

    @Test
    void an_event_the_policy_lets_through_is_delivered_as_sent() {
        PusherSocket socket = subscribedTo("public-news");
        Http.Answer answer = publish(event("news.posted", "public-news", "hello"), "Authorization", "Bearer " + SECRET);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("hello", socket.await("news.posted", "public-news").getString("data"));
    }

    @Test
    void a_batch_with_one_refused_event_is_refused_whole_and_delivers_nothing() {
        PusherSocket socket = subscribedTo("public-batch");
        String batch = "{\"batch\":[" + event("news.posted", "public-batch", "first") + ","
                + event("admin.reset", "public-batch", "second") + "]}";
        Http.Answer answer = Http.postJson(payara.server().http("/apps/" + ID + "/batch_events"), batch,
                "Authorization", "Bearer " + SECRET);
        assertEquals(403, answer.status(), answer.body());
        assertEquals("Admin publish requires an authenticated user.", answer.error());
        socket.assertNo("news.posted", "public-batch", QUIET);
    }
}
