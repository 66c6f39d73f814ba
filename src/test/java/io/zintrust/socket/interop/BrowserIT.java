package io.zintrust.socket.interop;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.NodeClient;
import io.zintrust.socket.support.PayaraServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's pusher-js example, taken from the README and run in headless Chromium on a page of
 * another origin ({@code src/test/js/browser-readme.mjs}), against the WAR started with
 * server-config/local.env as start.sh starts it. Without CORS the browser blocks /broadcasting/auth:
 * the second case shows the first one can fail.
 */
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @BeforeAll
    static void chromiumIsInstalled() {
        assertTrue(Files.isExecutable(CHROMIUM),
                "these tests run Debian's Chromium: apt-get install -y chromium (.ci/run installs it)");
    }

    /** The settings start.sh fills in from server-config/local.env. */
    private static Map<String, String> localDefaults() {
        Path file = Path.of(System.getProperty("zintrust.serverConfig", "server-config"), "local.env");
        Map<String, String> settings = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    settings.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    private static PayaraServer start(String name, Map<String, String> settings) {
        return PayaraServer.withEnvironment(settings).named(name).readyAt("/app/" + settings.get("PUSHER_APP_KEY")).start();
    }

    @Test
    void with_the_local_defaults_the_readme_example_subscribes_to_private_orders_and_receives_the_readme_curl_event()
            throws InterruptedException {
        Map<String, String> settings = localDefaults();
        assertEquals("*", settings.get("SOCKET_CORS_ORIGINS"), "local.env allows every origin, as the README says");
        try (PayaraServer payara = start("BrowserIT-local-defaults", settings);
             NodeClient page = NodeClient.run("browser-readme.mjs", Integer.toString(payara.server().port()))) {
            assertTrue(page.await("page").getString("origin").startsWith("http://127.0.0.1:"));
            JsonObject subscribed = page.await("subscribed");
            assertEquals("private-orders", subscribed.getString("channel"));
            // the README's curl call
            Http.Answer published = Http.postJson(payara.server().http("/apps/" + settings.get("PUSHER_APP_ID") + "/events"),
                    "{\"event\":\"orders.updated\",\"channel\":\"private-orders\",\"data\":{\"orderId\":42,\"status\":\"paid\"}}",
                    "Authorization", "Bearer " + settings.get("PUSHER_APP_SECRET"));
            assertEquals(200, published.status(), published.body());
            JsonObject event = page.await("event");
            assertEquals(42, event.getJsonObject("data").getInt("orderId"), event.toString());
            assertEquals("paid", event.getJsonObject("data").getString("status"));
            assertEquals(0, page.awaitExit());
        }
    }

    @Test
    void without_socket_cors_origins_chromium_blocks_broadcasting_auth_and_pusher_js_reports_an_auth_error_with_status_0()
            throws InterruptedException {
        Map<String, String> settings = localDefaults();
        settings.remove("SOCKET_CORS_ORIGINS");
        try (PayaraServer payara = start("BrowserIT-no-cors", settings);
             NodeClient page = NodeClient.run("browser-readme.mjs", Integer.toString(payara.server().port()))) {
            List<JsonObject> reports = page.reportsUntilExit(90);
            JsonObject error = reports.stream().filter(r -> r.getString("type").equals("error")).findFirst()
                    .orElseThrow(() -> new AssertionError("no subscription error reported: " + reports));
            assertEquals("private-orders", error.getString("channel"));
            assertEquals("AuthError", error.getString("errorType"));
            assertEquals(0, error.getInt("status"), error.toString());
            assertTrue(reports.stream().anyMatch(r -> r.getString("type").equals("console-error")
                    && r.getString("text").contains("blocked by CORS policy")), "Chromium names CORS: " + reports);
            assertTrue(reports.stream().noneMatch(r -> r.getString("type").equals("subscribed")), reports.toString());
        }
    }
}
