package io.zintrust.socket.health;

import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SOCKET_LOG_FORMAT=json: the server's log lines and ours are one JSON object each. */
class JsonLogIT {

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of("PUSHER_APP_ID", "json-app",
            "PUSHER_APP_KEY", "json-key", "PUSHER_APP_SECRET", "json-secret", "SOCKET_LOG_FORMAT", "json"))
            .readyAt("/app/json-key");

    @Test
    void every_log_record_is_one_json_object_with_its_level_logger_and_message() {
        payara.connect("/app/json-key?protocol=7").assertAlive();
        List<String> lines = payara.log().lines().filter(line -> !line.isBlank()).toList();
        List<JsonObject> records = lines.stream().filter(line -> line.startsWith("{")).map(Json::parse).toList();
        assertTrue(records.size() > 20, "JSON records: " + records.size());
        JsonObject configuration = records.stream()
                .filter(record -> record.getString("LogMessage", "").startsWith("ZinTrust Socket configuration:"))
                .findFirst().orElseThrow(() -> new AssertionError("no configuration record in " + lines));
        assertEquals("INFO", configuration.getString("Level"));
        assertEquals("io.zintrust.socket.apps.EnvironmentSettings", configuration.getString("LoggerName"));
        assertTrue(configuration.containsKey("Timestamp") && configuration.containsKey("ThreadName"), configuration.toString());
        // what is left is written past the log handler (the JVM's own warnings, Payara's println)
        for (String line : lines) {
            if (!line.startsWith("{")) {
                assertFalse(line.contains("io.zintrust"), "a line of ours outside JSON: " + line);
            }
        }
    }
}
