package io.zintrust.socket.apps;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code SOCKET_APPS_FILE}: a JSON object {@code {"apps":[...]}} (or a bare array) of apps with
 * their switches and limits. Anything wrong names the file and the entry.
 */
public final class AppsFile {

    private final Path file;
    private final boolean clientEventsDefault;

    public AppsFile(Path file, boolean clientEventsDefault) {
        this.file = file;
        this.clientEventsDefault = clientEventsDefault;
    }

    public List<App> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem("cannot be read (" + e.getMessage() + ")");
        }
        JsonArray entries = entries(text);
        List<App> apps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof JsonObject entry)) {
                throw problem("entry " + i + " is not a JSON object");
            }
            App app = app(entry, i);
            if (!ids.add(app.id())) {
                throw problem("entry " + i + " repeats the app id '" + app.id() + "'");
            }
            if (!keys.add(app.key())) {
                throw problem("entry " + i + " (id '" + app.id() + "') repeats the app key '" + app.key() + "'");
            }
            apps.add(app);
        }
        if (apps.isEmpty()) {
            throw problem("lists no apps");
        }
        return List.copyOf(apps);
    }

    private JsonArray entries(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            return JsonText.object("{\"apps\":" + trimmed + "}").map(o -> o.getJsonArray("apps"))
                    .orElseThrow(() -> problem("is not valid JSON"));
        }
        JsonObject root = JsonText.object(trimmed).orElseThrow(() -> problem("is not valid JSON"));
        if (!(root.get("apps") instanceof JsonArray apps)) {
            throw problem("needs an \"apps\" array");
        }
        return apps;
    }

    private App app(JsonObject entry, int index) {
        String where = "entry " + index;
        String id = text(entry, "id", where);
        where = where + " (id '" + id + "')";
        String key = text(entry, "key", where);
        String secret = text(entry, "secret", where);
        AppFeatures d = AppFeatures.DEFAULTS;
        AppFeatures features = new AppFeatures(
                bool(entry, "client_events", clientEventsDefault, where),
                bool(entry, "user_authentication", d.userAuthentication(), where),
                number(entry, "signin_deadline", d.signinDeadline(), 1, where),
                bool(entry, "watchlist", d.watchlist(), where),
                bool(entry, "subscription_count", d.subscriptionCount(), where));
        JsonObject limits = entry.get("limits") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        if (entry.containsKey("limits") && !(entry.get("limits") instanceof JsonObject)) {
            throw problem(where + ": \"limits\" must be an object");
        }
        AppLimits l = AppLimits.DEFAULTS;
        String at = where + " limits";
        AppLimits appLimits = new AppLimits(
                number(limits, "max_connections", l.maxConnections(), -1, at),
                number(limits, "max_event_bytes", l.maxEventBytes(), 1, at),
                number(limits, "max_channels_per_event", l.maxChannelsPerEvent(), 1, at),
                number(limits, "max_batch_events", l.maxBatchEvents(), 1, at),
                number(limits, "max_event_name_length", l.maxEventNameLength(), 1, at),
                number(limits, "max_channel_name_length", l.maxChannelNameLength(), 1, at),
                number(limits, "max_presence_members", l.maxPresenceMembers(), 1, at),
                number(limits, "max_presence_user_info_bytes", l.maxPresenceUserInfoBytes(), 1, at),
                number(limits, "client_events_per_second", l.clientEventsPerSecond(), -1, at),
                number(limits, "cache_ttl_seconds", l.cacheTtlSeconds(), 1, at));
        return new App(id, key, secret, bool(entry, "enabled", true, where), features, appLimits,
                webhooks(entry, where));
    }

    /** The soketi shape: {@code [{"url", "event_types", "headers", "filter": {"channel_name_starts_with", ...}}]}. */
    private List<WebhookTarget> webhooks(JsonObject entry, String where) {
        JsonValue value = entry.get("webhooks");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw problem(where + ": \"webhooks\" must be an array");
        }
        List<WebhookTarget> targets = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = where + " webhooks[" + i + "]";
            if (!(array.get(i) instanceof JsonObject hook)) {
                throw problem(at + " is not a JSON object");
            }
            try {
                targets.add(webhook(hook, at));
            } catch (InvalidConfigurationException e) {
                throw problem(e.getMessage());
            }
        }
        return List.copyOf(targets);
    }

    private WebhookTarget webhook(JsonObject hook, String at) {
        if (!(hook.get("url") instanceof JsonString url) || url.getString().isBlank()) {
            throw new InvalidConfigurationException(at + " needs a non-empty string \"url\"");
        }
        WebhookTarget target = WebhookTarget.everything(WebhookTargets.url(url.getString(), at + " \"url\""));
        Set<WebhookEvent> events = target.events();
        if (hook.containsKey("event_types")) {
            if (!(hook.get("event_types") instanceof JsonArray names)
                    || names.stream().anyMatch(name -> !(name instanceof JsonString))) {
                throw new InvalidConfigurationException(at + ": \"event_types\" must be an array of strings");
            }
            events = WebhookTargets.events(names.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .toList(), at + " \"event_types\"");
        }
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (hook.containsKey("headers")) {
            if (!(hook.get("headers") instanceof JsonObject given)) {
                throw new InvalidConfigurationException(at + ": \"headers\" must be an object of strings");
            }
            for (var header : given.entrySet()) {
                if (!(header.getValue() instanceof JsonString headerValue)) {
                    throw new InvalidConfigurationException(at + ": header '" + header.getKey() + "' must be a string");
                }
                WebhookTargets.header(header.getKey(), headerValue.getString(), at);
                headers.put(header.getKey(), headerValue.getString());
            }
        }
        String prefix = null;
        String suffix = null;
        if (hook.containsKey("filter")) {
            if (!(hook.get("filter") instanceof JsonObject filter)) {
                throw new InvalidConfigurationException(at + ": \"filter\" must be an object");
            }
            prefix = optionalText(filter, "channel_name_starts_with", at + " filter");
            suffix = optionalText(filter, "channel_name_ends_with", at + " filter");
        }
        return new WebhookTarget(target.url(), events, headers, prefix, suffix);
    }

    private static String optionalText(JsonObject object, String name, String where) {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text && !text.getString().isEmpty()) {
            return text.getString();
        }
        throw new InvalidConfigurationException(where + ": \"" + name + "\" must be a non-empty string");
    }

    private String text(JsonObject entry, String name, String where) {
        if (entry.get(name) instanceof JsonString value && !value.getString().isBlank()) {
            return value.getString();
        }
        throw problem(where + " needs a non-empty string \"" + name + "\"");
    }

    private boolean bool(JsonObject entry, String name, boolean fallback, String where) {
        JsonValue value = entry.get(name);
        if (value == null) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw problem(where + ": \"" + name + "\" must be true or false");
    }

    private int number(JsonObject entry, String name, int fallback, int min, String where) {
        JsonValue value = entry.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= min
                && number.longValue() <= Integer.MAX_VALUE && (min >= 0 || number.longValue() == -1
                || number.longValue() > 0)) {
            return number.intValue();
        }
        throw problem(where + ": \"" + name + "\" must be a whole number" + (min < 0 ? " above 0, or -1 for no limit"
                : " of at least " + min));
    }

    private InvalidConfigurationException problem(String what) {
        return new InvalidConfigurationException("SOCKET_APPS_FILE " + file + " " + what);
    }
}
