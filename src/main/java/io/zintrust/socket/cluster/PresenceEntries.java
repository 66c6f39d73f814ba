package io.zintrust.socket.cluster;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One presence channel's entry in the grid's map, as JSON text: per user, its user_info and the
 * instances that hold a socket of it.
 */
final class PresenceEntries {

    record Entry(String userInfoJson, Set<String> instances) {
    }

    private PresenceEntries() {
    }

    static Map<String, Entry> read(String json) {
        Map<String, Entry> users = new LinkedHashMap<>();
        if (json == null) {
            return users;
        }
        JsonObject document = JsonText.object(json).orElseThrow();
        for (var user : document.entrySet()) {
            JsonObject entry = user.getValue().asJsonObject();
            Set<String> instances = new LinkedHashSet<>();
            entry.getJsonArray("on").getValuesAs(JsonString.class).forEach(s -> instances.add(s.getString()));
            users.put(user.getKey(), new Entry(entry.getString("info"), instances));
        }
        return users;
    }

    static String write(Map<String, Entry> users) {
        JsonObjectBuilder document = JsonText.JSON.createObjectBuilder();
        users.forEach((userId, entry) -> document.add(userId, JsonText.JSON.createObjectBuilder()
                .add("info", entry.userInfoJson()).add("on", JsonText.JSON.createArrayBuilder(entry.instances()))));
        return document.build().toString();
    }
}
