package io.zintrust.socket.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * One frame received from a client: {@code {"event":..,"channel":..,"data":..}}.
 * {@code data} keeps its JSON type; {@link #dataObject()} applies the tolerance Pusher's clients
 * rely on
 * (an object, or a string that holds one).
 */
public record InboundFrame(String event, String channel, JsonValue data) {

    public static InboundFrame parse(String text) {
        JsonObject object = JsonText.object(text).orElseThrow(() -> new ProtocolException(ErrorCode.BAD_MESSAGE,
                "Invalid JSON: the frame must be one JSON object"));
        JsonValue event = object.get("event");
        if (!(event instanceof JsonString name) || name.getString().isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Invalid frame: 'event' must be a non-empty string");
        }
        JsonValue channel = object.get("channel");
        String channelName = channel instanceof JsonString s ? s.getString() : null;
        return new InboundFrame(name.getString(), channelName, object.get("data"));
    }

    /** The data as an object; a string holding a JSON object is parsed; anything else is a bad message. */
    public JsonObject dataObject() {
        if (data instanceof JsonObject object) {
            return object;
        }
        if (data instanceof JsonString text) {
            Optional<JsonObject> parsed = JsonText.object(text.getString());
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Invalid " + event + ": 'data' must be a JSON object");
    }

    /** A string member of the data object, or null when absent; a non-string value is a bad message. */
    public static String text(JsonObject object, String member, String event) {
        JsonValue value = object.get(member);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Invalid " + event + ": '" + member + "' must be a string");
    }
}
