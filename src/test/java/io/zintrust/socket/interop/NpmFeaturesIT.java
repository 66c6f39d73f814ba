package io.zintrust.socket.interop;

import io.zintrust.socket.support.AppsFileServer;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.NodeClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pusher-js, laravel-echo and the `pusher` server library from npm drive every feature against the
 * server (src/test/js/features.mjs): one test per check the script reports.
 */
class NpmFeaturesIT {

    @RegisterExtension
    static final PayaraServer payara = AppsFileServer.shared();

    private static final List<String> CHECKS = List.of(
            "public channel event", "private channel event", "encrypted channel event is decrypted by pusher-js",
            "cache channel replays the last event", "presence members, member_added and member_removed",
            "signin and sendToUser", "watchlist reports watched users online", "channel queries through the server library",
            "triggerBatch", "laravel echo presence here, joining, leaving and whisper",
            "terminateUserConnections disconnects the user", "done");

    @TestFactory
    Stream<DynamicTest> the_npm_clients_see_every_feature_work() throws InterruptedException {
        List<JsonObject> reports;
        try (NodeClient node = NodeClient.run("features.mjs", "127.0.0.1", Integer.toString(payara.server().port()),
                "js", "js-key", "js-secret")) {
            reports = node.reportsUntilExit(180);
        }
        List<String> reported = reports.stream().map(r -> r.getString("check")).toList();
        return CHECKS.stream().map(check -> DynamicTest.dynamicTest(check, () -> {
            assertTrue(reported.contains(check), "the script never reported '" + check + "': " + reports);
            JsonObject result = reports.get(reported.indexOf(check));
            assertEquals(true, result.getBoolean("ok"), check + ": " + result.get("detail"));
        }));
    }
}
