package io.zintrust.socket.testing;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reads frames the way a client does: one JSON object, whose {@code data} may be a JSON string holding one. */
public final class Json {

    private Json() {
    }

    public static JsonObject parse(String text) {
        return JsonText.object(text).orElseThrow(() -> new AssertionError("not exactly one JSON object: " + text));
    }

    /** A frame's {@code data} as an object: parsed from the string the protocol double-encodes, or as is. */
    public static JsonObject data(JsonObject frame) {
        JsonValue data = frame.get("data");
        if (data instanceof JsonString text) {
            return parse(text.getString());
        }
        if (data instanceof JsonObject object) {
            return object;
        }
        throw new AssertionError("frame has no object data: " + frame);
    }
}
