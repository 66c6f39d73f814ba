package io.zintrust.socket.cluster;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster messages as JSON text on the topic, one object with a type field {@code t}. Every instance of
 * a cluster runs the same build, so the format only has to be read back by this class.
 */
final class ClusterCodec {

    private ClusterCodec() {
    }

    static String encode(ClusterMessage message) {
        JsonObjectBuilder json = JsonText.JSON.createObjectBuilder().add("app", message.appId());
        if (message instanceof ClusterMessage.Publish p) {
            json.add("t", "publish").add("channels", JsonText.JSON.createArrayBuilder(p.channels()))
                    .add("event", p.event()).add("data", p.data());
            if (p.exceptSocketId() != null) {
                json.add("except", p.exceptSocketId());
            }
        } else if (message instanceof ClusterMessage.Relay r) {
            json.add("t", "relay").add("channel", r.channel()).add("frame", r.frame());
        } else if (message instanceof ClusterMessage.Terminate t) {
            json.add("t", "terminate").add("user", t.userId());
        } else if (message instanceof ClusterMessage.Watch w) {
            json.add("t", "watch").add("user", w.userId()).add("online", w.online());
        } else if (message instanceof ClusterMessage.Ask a) {
            json.add("t", "ask").add("id", a.id());
            if (a.channel() != null) {
                json.add("channel", a.channel());
            } else {
                json.add("prefix", a.prefix());
            }
        } else if (message instanceof ClusterMessage.Answer a) {
            JsonObjectBuilder channels = JsonText.JSON.createObjectBuilder();
            a.channels().forEach(channels::add);
            json.add("t", "answer").add("id", a.id()).add("subs", a.subscriptions()).add("channels", channels);
        }
        return json.build().toString();
    }

    /** The message a text holds; {@link IllegalArgumentException} for anything else. */
    static ClusterMessage decode(String text) {
        JsonObject json = JsonText.object(text).orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
        try {
            String app = json.getString("app");
            return switch (json.getString("t")) {
                case "publish" -> new ClusterMessage.Publish(app, strings(json.getJsonArray("channels")),
                        json.getString("event"), json.getString("data"), json.getString("except", null));
                case "relay" -> new ClusterMessage.Relay(app, json.getString("channel"), json.getString("frame"));
                case "terminate" -> new ClusterMessage.Terminate(app, json.getString("user"));
                case "watch" -> new ClusterMessage.Watch(app, json.getString("user"), json.getBoolean("online"));
                case "ask" -> new ClusterMessage.Ask(json.getString("id"), app, json.getString("channel", null),
                        json.getString("prefix", ""));
                case "answer" -> new ClusterMessage.Answer(json.getString("id"), app, json.getInt("subs"),
                        counts(json.getJsonObject("channels")));
                default -> throw new IllegalArgumentException("unknown type " + json.getString("t"));
            };
        } catch (NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("missing or mistyped field: " + e.getMessage());
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Map<String, Integer> counts(JsonObject object) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            counts.put(entry.getKey(), ((JsonNumber) entry.getValue()).intValue());
        }
        return counts;
    }
}
