package io.zintrust.socket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.util.Optional;

/**
 * Reads a text that must be exactly one JSON object: JSON-P's reader stops after the first value, so
 * {@code {"a":1} trailing} would otherwise pass for valid.
 */
public final class JsonText {

    private JsonText() {
    }

    public static Optional<JsonObject> object(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            JsonObject object = parser.getObject();
            return parser.hasNext() ? Optional.empty() : Optional.of(object);
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
