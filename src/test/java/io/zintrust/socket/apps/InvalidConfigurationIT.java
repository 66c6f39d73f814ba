package io.zintrust.socket.apps;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad setting stops the deployment with a message naming the variable and what it accepts. */
class InvalidConfigurationIT {

    @Test
    void an_unknown_transport_stops_the_deployment_naming_socket_transport_and_its_values() {
        try (PayaraProcess payara = PayaraProcess.start("invalid-transport", Map.of(
                "PUSHER_APP_ID", "a", "PUSHER_APP_KEY", "k", "PUSHER_APP_SECRET", "s",
                "SOCKET_TRANSPORT", "carrier-pigeon"), null)) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("SOCKET_TRANSPORT accepts auto, node, cluster; got 'carrier-pigeon'"), line);
            payara.awaitLog(l -> l.contains("ready in"), Duration.ofSeconds(60));
            assertNotEquals(426, Http.get(payara.server().http("/app/k")).status(), "nothing may be served");
        }
    }

    @Test
    void a_missing_key_stops_the_deployment_naming_pusher_app_key() {
        try (PayaraProcess payara = PayaraProcess.start("missing-key", Map.of(
                "PUSHER_APP_ID", "a", "PUSHER_APP_SECRET", "s"), null)) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("PUSHER_APP_KEY is required"), line);
        }
    }

    @Test
    void an_apps_file_with_a_duplicate_key_stops_the_deployment_naming_the_file_and_the_entry() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("project.build.directory", "target"),
                "it-apps", "duplicate.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "{\"apps\":[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\"},"
                + "{\"id\":\"b\",\"key\":\"k\",\"secret\":\"t\"}]}");
        try (PayaraProcess payara = PayaraProcess.start("duplicate-apps",
                Map.of("SOCKET_APPS_FILE", file.toAbsolutePath().toString()), null)) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("duplicate.json") && line.contains("entry 1") && line.contains("repeats the app key 'k'"),
                    line);
        }
    }
}
