package io.zintrust.socket.support;

import com.pusher.rest.Pusher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Payara Micro serving four apps from SOCKET_APPS_FILE, with small limits so each can be hit in a test:
 * {@code main} (watchlist, subscription counts, small limits), {@code strict} (sign-in required within
 * 2 s, no client events), {@code quota} (2 connections), {@code off} (disabled), {@code other} (defaults) and {@code js} (watchlist on, for the npm clients).
 */
public final class AppsFileServer {

    public static final String APPS = """
            {"apps": [
              {"id": "main", "key": "main-key", "secret": "main-secret", "watchlist": true, "subscription_count": true,
               "limits": {"max_presence_members": 2, "max_presence_user_info_bytes": 64, "client_events_per_second": 3,
                          "max_event_bytes": 100, "max_batch_events": 3, "max_channels_per_event": 3,
                          "cache_ttl_seconds": 3}},
              {"id": "strict", "key": "strict-key", "secret": "strict-secret", "user_authentication": true,
               "signin_deadline": 2, "client_events": false},
              {"id": "quota", "key": "quota-key", "secret": "quota-secret", "limits": {"max_connections": 2}},
              {"id": "off", "key": "off-key", "secret": "off-secret", "enabled": false},
              {"id": "other", "key": "other-key", "secret": "other-secret"},
              {"id": "js", "key": "js-key", "secret": "js-secret", "watchlist": true}
            ]}
            """;

    private static final PayaraServer SHARED = PayaraServer.withEnvironment(Map.of(
            "SOCKET_APPS_FILE", write("apps-file", APPS), "BROADCAST_ACTIVITY_TIMEOUT", "120"))
            .named("apps-file").readyAt("/app/main-key").sharedAcrossSuites();

    private AppsFileServer() {
    }

    /**
     * One server for every suite that uses these apps (register it with {@code @RegisterExtension}):
     * started by the first, stopped when the test run ends.
     */
    public static PayaraServer shared() {
        return SHARED;
    }

    /** Writes an apps file {@code target/it-apps/<name>.json}; returns its absolute path, for SOCKET_APPS_FILE. */
    public static String write(String name, String json) {
        Path file = Path.of(System.getProperty("project.build.directory", "target"), "it-apps", name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
    }

    public static Pusher sdk(Loopback server, String app) {
        return TestApp.pusher(server, app, app + "-key", app + "-secret");
    }
}
