package io.zintrust.socket.console;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.NodeClient;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.testing.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The debug console in headless Chromium (src/test/js/console-check.mjs): sign-in, a pusher-js page's
 * socket and channel appearing live, a publish from the form reaching that page and the log, and a
 * user's token in the console group signing in as well (the server verifies tokens: SOCKET_AUTH_POLICY=jwt).
 * Screenshots go to target/console-screenshots.
 */
class ConsoleIT {

    private static final String ID = "console-app";
    private static final String KEY = "console-key";
    private static final String SECRET = "console-secret";

    private static final TestTokens TOKENS = TestTokens.generate();

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of("PUSHER_APP_ID", ID, "PUSHER_APP_KEY", KEY,
            "PUSHER_APP_SECRET", SECRET, "SOCKET_CONSOLE", "true", "SOCKET_AUTH_POLICY", "jwt",
            "MP_JWT_VERIFY_PUBLICKEY", TOKENS.publicKeyPem(), "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER))
            .readyAt("/app/" + KEY);

    private static String tokenInGroups(String... groups) {
        var names = Json.createArrayBuilder();
        for (String group : groups) {
            names.add(group);
        }
        return TOKENS.sign(TestTokens.claims("operator").add("groups", names));
    }

    private static Http.Answer state(String bearer) {
        return Http.send(HttpRequest.newBuilder(payara.server().http("/console/api/apps/" + ID + "/state"))
                .header("Authorization", "Bearer " + bearer));
    }

    @Test
    void in_chromium_the_console_shows_a_pusher_js_client_and_publishes_to_it() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "apt-get install -y chromium (.ci/run does)");
        Path shots = Path.of(System.getProperty("project.build.directory", "target"), "console-screenshots");
        String token = tokenInGroups("zintrust-console:" + ID);
        try (NodeClient check = NodeClient.run("console-check.mjs", Integer.toString(payara.server().port()), ID, KEY,
                SECRET, shots.toAbsolutePath().toString(), token)) {
            JsonObject refused = check.await("step");
            assertEquals("refused", refused.getString("step"), refused.toString());
            assertTrue(refused.getString("error").contains("secret"), refused.toString());
            assertFalse(refused.getBoolean("sessionBarShown"), "no session bar before sign-in");
            assertFalse(refused.getBoolean("dashboardShown"), "no dashboard before sign-in");
            JsonObject signedIn = check.await("step");
            assertEquals("signed-in", signedIn.getString("step"), signedIn.toString());
            assertFalse(signedIn.getBoolean("secretShown"), "the page never holds the secret in its markup");
            JsonObject connected = check.await("step");
            assertEquals("client-connected", connected.getString("step"), connected.toString());
            JsonObject shown = check.await("step");
            assertEquals("console-shows-client", shown.getString("step"), shown.toString());
            assertEquals("1", shown.getString("connections"));
            JsonObject published = check.await("step");
            assertEquals("published", published.getString("step"), published.toString());
            assertEquals("hello from the console", published.getJsonObject("received").getString("message"));
            assertTrue(published.getString("logged").contains("test-event on console-demo"), published.toString());
            assertEquals("client-gone", check.await("step").getString("step"));
            JsonObject withToken = check.await("step");
            assertEquals("token-signed-in", withToken.getString("step"), withToken.toString());
            assertFalse(withToken.getBoolean("tokenShown"), "the page never holds the token in its markup");
            check.await("done");
            assertEquals(0, check.awaitExit());
        }
        assertTrue(Files.size(shots.resolve("console.png")) > 10_000, "screenshot of the console");
    }

    @Test
    void the_console_api_refuses_anything_but_the_apps_secret() {
        Http.Answer wrong = Http.send(HttpRequest.newBuilder(payara.server().http("/console/api/apps/" + ID + "/state"))
                .header("Authorization", "Bearer nope"));
        assertTrue(wrong.status() == 401 || wrong.status() == 403, wrong.status() + " " + wrong.body());
        assertTrue(wrong.error().contains("secret"), wrong.body());
        Http.Answer none = Http.get(payara.server().http("/console/api/apps/" + ID + "/state"));
        assertTrue(none.status() == 401 || none.status() == 403, none.status() + " " + none.body());
        Http.Answer right = Http.send(HttpRequest.newBuilder(payara.server().http("/console/api/apps/" + ID + "/state"))
                .header("Authorization", "Bearer " + SECRET));
        assertEquals(200, right.status(), right.body());
        assertEquals(ID, right.json().getString("app"));
    }

    @Test
    void a_users_token_opens_the_console_only_in_the_console_group_for_every_app_or_for_this_one() {
        Http.Answer everyApp = state(tokenInGroups("zintrust-console"));
        assertEquals(200, everyApp.status(), everyApp.body());
        assertEquals(ID, everyApp.json().getString("app"));
        Http.Answer thisApp = state(tokenInGroups("staff", "zintrust-console:" + ID));
        assertEquals(200, thisApp.status(), thisApp.body());

        Http.Answer otherApp = state(tokenInGroups("zintrust-console:another-app"));
        assertEquals(403, otherApp.status(), otherApp.body());
        assertEquals("This token may not open the console: it needs the group zintrust-console or zintrust-console:"
                + ID + " (or use the app secret)", otherApp.error());
        Http.Answer noGroups = state(TOKENS.sign(TestTokens.claims("someone").add("channels",
                Json.createArrayBuilder().add("private-*"))));
        assertEquals(403, noGroups.status(), noGroups.body());

        long past = System.currentTimeMillis() / 1000 - 3600;
        Http.Answer expired = state(TOKENS.sign(TestTokens.claims("operator").add("exp", past)
                .add("groups", Json.createArrayBuilder().add("zintrust-console"))));
        assertEquals(401, expired.status(), expired.body());
        Http.Answer foreignKey = state(TestTokens.generate().sign(TestTokens.claims("operator")
                .add("groups", Json.createArrayBuilder().add("zintrust-console"))));
        assertEquals(401, foreignKey.status(), foreignKey.body());

        Http.Answer feed = Http.send(HttpRequest.newBuilder(payara.server().http("/console/api/apps/" + ID + "/feed"))
                .header("Authorization", "Bearer " + tokenInGroups("zintrust-console:another-app")));
        assertEquals(403, feed.status(), feed.body());
    }
}
