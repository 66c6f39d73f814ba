package io.zintrust.socket.apps;

import io.zintrust.socket.support.AppsFileServer;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad setting stops the deployment with a message naming the variable and what it accepts. */
class InvalidConfigurationIT {

    @Test
    void an_unknown_transport_stops_the_deployment_naming_socket_transport_and_its_values() {
        try (PayaraServer payara = PayaraServer.withEnvironment(Map.of(
                "PUSHER_APP_ID", "a", "PUSHER_APP_KEY", "k", "PUSHER_APP_SECRET", "s",
                "SOCKET_TRANSPORT", "carrier-pigeon")).named("invalid-transport").notWaitingForReadiness().start()) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("SOCKET_TRANSPORT accepts auto, node, cluster; got 'carrier-pigeon'"), line);
            payara.awaitLog(l -> l.contains("ready in"), Duration.ofSeconds(60));
            assertNotEquals(426, Http.get(payara.server().http("/app/k")).status(), "nothing may be served");
        }
    }

    @Test
    void a_missing_key_stops_the_deployment_naming_pusher_app_key() {
        try (PayaraServer payara = PayaraServer.withEnvironment(Map.of(
                "PUSHER_APP_ID", "a", "PUSHER_APP_SECRET", "s")).named("missing-key").notWaitingForReadiness().start()) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("PUSHER_APP_KEY is required"), line);
        }
    }

    @Test
    void a_cors_origin_with_a_path_stops_the_deployment_naming_socket_cors_origins_and_the_entry() {
        try (PayaraServer payara = PayaraServer.withEnvironment(Map.of(
                "PUSHER_APP_ID", "a", "PUSHER_APP_KEY", "k", "PUSHER_APP_SECRET", "s",
                "SOCKET_CORS_ORIGINS", "https://app.example.com/")).named("invalid-cors-origin")
                .notWaitingForReadiness().start()) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("SOCKET_CORS_ORIGINS accepts") && line.contains("got 'https://app.example.com/'"), line);
        }
    }

    @Test
    void an_apps_file_with_a_duplicate_key_stops_the_deployment_naming_the_file_and_the_entry() {
        String file = AppsFileServer.write("duplicate", "{\"apps\":[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\"},"
                + "{\"id\":\"b\",\"key\":\"k\",\"secret\":\"t\"}]}");
        try (PayaraServer payara = PayaraServer.withEnvironment(Map.of("SOCKET_APPS_FILE", file))
                .named("duplicate-apps").notWaitingForReadiness().start()) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("duplicate.json") && line.contains("entry 1") && line.contains("repeats the app key 'k'"),
                    line);
        }
    }
}
