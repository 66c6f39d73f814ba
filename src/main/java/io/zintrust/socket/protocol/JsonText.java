package io.zintrust.socket.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads a text that must be exactly one JSON object: JSON-P's reader stops after the first value, so
 * {@code {"a":1} trailing} would otherwise pass for valid.
 */
public final class JsonText {

    /**
     * Looked up once: {@code Json.createX} asks the service loader for a provider on every call,
     * which on an application server scans the application's class path each time.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    public static Optional<JsonObject> object(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            JsonObject object = parser.getObject();
            return parser.hasNext() ? Optional.empty() : Optional.of(object);
        } catch (RuntimeException e) {
            // malformed input, and JSON-P's own refusals (nesting depth, number size) alike
            return Optional.empty();
        }
    }

    /**
     * A user id given as a JSON number in the form JavaScript gives it (10.0 and 1e1 are "10"); empty
     * for numbers no user id looks like, which would otherwise cost a huge string to write out.
     */
    public static Optional<String> idOf(JsonNumber number) {
        try {
            BigDecimal value = number.bigDecimalValue().stripTrailingZeros();
            if (value.precision() > 40 || Math.abs(value.scale()) > 40) {
                return Optional.empty();
            }
            return Optional.of(value.toPlainString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
