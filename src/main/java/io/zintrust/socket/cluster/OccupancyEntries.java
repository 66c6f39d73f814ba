package io.zintrust.socket.cluster;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** One channel's entry in the grid's occupancy map, as JSON text: per instance, its subscribers there. */
final class OccupancyEntries {

    private OccupancyEntries() {
    }

    static Map<String, Integer> read(String json) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (json != null) {
            JsonText.object(json).orElseThrow().forEach((instance, n) -> counts.put(instance, ((JsonNumber) n).intValue()));
        }
        return counts;
    }

    /** Null for no instance at all, which removes the entry. */
    static String write(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        JsonObjectBuilder document = JsonText.JSON.createObjectBuilder();
        counts.forEach(document::add);
        return document.build().toString();
    }
}
