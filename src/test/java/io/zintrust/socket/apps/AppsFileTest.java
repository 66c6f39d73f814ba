package io.zintrust.socket.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppsFileTest {

    @TempDir
    Path dir;

    private List<App> read(String json) throws IOException {
        Path file = dir.resolve("apps.json");
        Files.writeString(file, json);
        return new AppsFile(file, true).read();
    }

    private String refusal(String json) {
        return assertThrows(InvalidConfigurationException.class, () -> read(json)).getMessage();
    }

    @Test
    void an_app_without_settings_gets_pushers_defaults() throws IOException {
        App app = read("{\"apps\":[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\"}]}").get(0);
        assertEquals(new App("a", "k", "s"), app);
    }

    @Test
    void switches_and_limits_are_read_per_app_and_a_bare_array_is_accepted() throws IOException {
        List<App> apps = read("[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\",\"enabled\":false,\"watchlist\":true,"
                + "\"user_authentication\":true,\"signin_deadline\":5,\"client_events\":false,\"subscription_count\":true,"
                + "\"limits\":{\"max_connections\":7,\"max_event_bytes\":99,\"max_presence_members\":3,"
                + "\"client_events_per_second\":-1,\"cache_ttl_seconds\":60}},"
                + "{\"id\":\"b\",\"key\":\"k2\",\"secret\":\"s2\"}]");
        App a = apps.get(0);
        assertFalse(a.enabled());
        assertEquals(new AppFeatures(false, true, 5, true, true), a.features());
        assertEquals(7, a.limits().maxConnections());
        assertEquals(99, a.limits().maxEventBytes());
        assertEquals(3, a.limits().maxPresenceMembers());
        assertEquals(-1, a.limits().clientEventsPerSecond());
        assertEquals(60, a.limits().cacheTtlSeconds());
        assertEquals(AppLimits.DEFAULTS.maxBatchEvents(), a.limits().maxBatchEvents());
        assertTrue(apps.get(1).enabled());
    }

    @Test
    void a_duplicate_key_names_the_file_and_the_entry() {
        String message = refusal("{\"apps\":[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\"},{\"id\":\"b\",\"key\":\"k\",\"secret\":\"s\"}]}");
        assertTrue(message.contains("SOCKET_APPS_FILE") && message.contains("apps.json"), message);
        assertTrue(message.contains("entry 1") && message.contains("'k'"), message);
    }

    @Test
    void a_duplicate_id_is_refused() {
        assertTrue(refusal("[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\"},{\"id\":\"a\",\"key\":\"k2\",\"secret\":\"s\"}]")
                .contains("repeats the app id 'a'"));
    }

    @Test
    void malformed_files_and_entries_are_refused_with_what_is_wrong() {
        assertTrue(refusal("{not json").contains("not valid JSON"));
        assertTrue(refusal("{\"apps\":{}}").contains("\"apps\" array"));
        assertTrue(refusal("{\"apps\":[]}").contains("no apps"));
        assertTrue(refusal("[{\"id\":\"a\",\"key\":\"k\"}]").contains("\"secret\""));
        assertTrue(refusal("[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\",\"enabled\":\"yes\"}]").contains("\"enabled\""));
        assertTrue(refusal("[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\",\"limits\":{\"max_event_bytes\":0}}]")
                .contains("max_event_bytes"));
        assertTrue(refusal("[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\",\"limits\":{\"max_connections\":-5}}]")
                .contains("max_connections"));
        assertTrue(refusal("[1]").contains("entry 0"));
    }

    @Test
    void a_missing_file_is_named() {
        String message = assertThrows(InvalidConfigurationException.class,
                () -> new AppsFile(dir.resolve("missing.json"), true).read()).getMessage();
        assertTrue(message.contains("missing.json") && message.contains("cannot be read"), message);
    }

    @Test
    void webhooks_are_read_in_the_soketi_shape() throws IOException {
        App app = read("{\"apps\":[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\",\"webhooks\":["
                + "{\"url\":\"https://hooks.example.com/pusher\",\"event_types\":[\"channel_occupied\",\"member_added\"],"
                + "\"headers\":{\"X-Extra\":\"yes\"},\"filter\":{\"channel_name_starts_with\":\"private-\","
                + "\"channel_name_ends_with\":\"-room\"}},"
                + "{\"url\":\"http://127.0.0.1:9000/all\"}]}]}").get(0);
        assertEquals(2, app.webhooks().size());
        WebhookTarget first = app.webhooks().get(0);
        assertEquals(java.net.URI.create("https://hooks.example.com/pusher"), first.url());
        assertEquals(java.util.Set.of(WebhookEvent.CHANNEL_OCCUPIED, WebhookEvent.MEMBER_ADDED), first.events());
        assertEquals(java.util.Map.of("X-Extra", "yes"), first.headers());
        assertTrue(first.wants(WebhookEvent.MEMBER_ADDED, "private-chat-room"));
        assertFalse(first.wants(WebhookEvent.MEMBER_ADDED, "private-chat"), "both filter parts must match");
        assertFalse(first.wants(WebhookEvent.MEMBER_ADDED, "public-room"));
        assertFalse(first.wants(WebhookEvent.CLIENT_EVENT, "private-chat-room"), "not one of its event types");
        assertEquals(WebhookTarget.everything(java.net.URI.create("http://127.0.0.1:9000/all")), app.webhooks().get(1));
        assertEquals(java.util.List.of(), read("[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\"}]").get(0).webhooks());
    }

    @Test
    void a_bad_webhook_names_the_file_the_entry_and_the_target() {
        String start = "{\"apps\":[{\"id\":\"a\",\"key\":\"k\",\"secret\":\"s\"},{\"id\":\"b\",\"key\":\"k2\","
                + "\"secret\":\"s2\",\"webhooks\":";
        String url = refusal(start + "[{\"url\":\"http://ok.example\"},{\"url\":\"ftp://x.example/h\"}]}]}");
        assertTrue(url.startsWith("SOCKET_APPS_FILE "), url);
        assertTrue(url.contains("entry 1 (id 'b') webhooks[1] \"url\" must be an http:// or https:// URL"), url);
        assertEquals(1, url.split("SOCKET_APPS_FILE").length - 1, "the file is named once: " + url);
        String type = refusal(start + "[{\"url\":\"http://ok.example\",\"event_types\":[\"channel_ocupied\"]}]}]}");
        assertTrue(type.contains("entry 1 (id 'b') webhooks[0] \"event_types\" names the unknown event type"
                + " 'channel_ocupied'; accepted: channel_occupied, channel_vacated"), type);
        assertTrue(refusal(start + "[{\"url\":\"http://ok.example\",\"event_types\":[]}]}]}").contains("lists no event types"));
        assertTrue(refusal(start + "[{\"url\":\"http://ok.example\",\"headers\":{\"Content-Length\":\"1\"}}]}]}")
                .contains("webhooks[0] cannot set the header 'Content-Length'"));
        assertTrue(refusal(start + "[{\"url\":\"http://ok.example\",\"headers\":{\"X-Pusher-Signature\":\"1\"}}]}]}")
                .contains("cannot set the header 'X-Pusher-Signature'"));
        assertTrue(refusal(start + "[{\"url\":\"http://ok.example\",\"headers\":{\"X-A\":\"a\\nb\"}}]}]}")
                .contains("header 'X-A' holds control characters"));
        assertTrue(refusal(start + "{\"url\":\"http://ok.example\"}}]}").contains("\"webhooks\" must be an array"));
        assertTrue(refusal(start + "[{\"event_types\":[\"cache_miss\"]}]}]}").contains("webhooks[0] needs a non-empty string \"url\""));
        assertTrue(refusal(start + "[{\"url\":\"http://ok.example\",\"filter\":{\"channel_name_starts_with\":3}}]}]}")
                .contains("\"channel_name_starts_with\" must be a non-empty string"));
    }
}
