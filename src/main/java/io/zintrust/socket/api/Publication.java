package io.zintrust.socket.api;

import io.zintrust.socket.apps.AppLimits;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.ChannelType;
import io.zintrust.socket.channel.InvalidChannelException;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.protocol.JsonText;
import io.zintrust.socket.protocol.SocketIds;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated publish request: event name, target channels, data as the exact string to deliver, the
 * socket to leave out and the channel attributes asked for in {@code info}.
 */
public record Publication(String event, List<String> channels, String data, String socketId, Set<String> info) {

    public static final int MAX_DATA_BYTES = AppLimits.DEFAULTS.maxEventBytes();
    public static final int MAX_CHANNELS = AppLimits.DEFAULTS.maxChannelsPerEvent();
    public static final int MAX_EVENT_NAME = AppLimits.DEFAULTS.maxEventNameLength();
    private static final Set<String> KNOWN_INFO = Set.of("user_count", "subscription_count");

    public static Publication parse(byte[] body) {
        return parse(body, AppLimits.DEFAULTS);
    }

    public static Publication parse(byte[] body, AppLimits limits) {
        JsonObject object = JsonText.object(new String(body, StandardCharsets.UTF_8)).orElseThrow(
                () -> new ApiException(400, "Invalid JSON body: expected an object with name, channels and data"));
        return from(object, limits);
    }

    public static Publication from(JsonObject object) {
        return from(object, AppLimits.DEFAULTS);
    }

    public static Publication from(JsonObject object, AppLimits limits) {
        String event = eventName(object, limits);
        List<String> channels = channels(object, limits);
        String data = data(object, limits);
        String socketId = optionalText(object, "socket_id");
        if (socketId != null && !SocketIds.isValid(socketId)) {
            throw new ApiException(400, SocketIds.INVALID);
        }
        return new Publication(event, channels, data, socketId, info(optionalText(object, "info")));
    }

    private static String eventName(JsonObject object, AppLimits limits) {
        String name = optionalText(object, "name");
        if (name == null || name.isEmpty()) {
            name = optionalText(object, "event");
        }
        if (name == null || name.isEmpty()) {
            throw new ApiException(400, "Missing event name: set 'name' (or 'event')");
        }
        if (name.length() > limits.maxEventNameLength()) {
            throw new ApiException(400, "Event name is longer than " + limits.maxEventNameLength() + " characters");
        }
        if (name.startsWith("pusher:") || name.startsWith("pusher_internal:")) {
            throw new ApiException(400, "Event names starting with pusher: or pusher_internal: are reserved");
        }
        return name;
    }

    private static List<String> channels(JsonObject object, AppLimits limits) {
        List<String> names = new ArrayList<>();
        JsonValue many = object.get("channels");
        String one = optionalText(object, "channel");
        if (many != null && many != JsonValue.NULL) {
            if (!(many instanceof JsonArray array)) {
                throw new ApiException(400, "'channels' must be an array of channel names");
            }
            for (JsonValue value : array) {
                if (!(value instanceof JsonString name)) {
                    throw new ApiException(400, "'channels' must hold channel names as strings");
                }
                names.add(name.getString());
            }
        } else if (one != null) {
            names.add(one);
        }
        names = List.copyOf(new LinkedHashSet<>(names));
        if (names.isEmpty()) {
            throw new ApiException(400, "Missing channels: set 'channel' or 'channels' (1 to "
                    + limits.maxChannelsPerEvent() + ")");
        }
        if (names.size() > limits.maxChannelsPerEvent()) {
            throw new ApiException(400, "Too many channels: at most " + limits.maxChannelsPerEvent() + " per event");
        }
        boolean encrypted = false;
        for (String name : names) {
            try {
                encrypted |= ChannelName.parse(name, limits.maxChannelNameLength()).type() == ChannelType.ENCRYPTED;
            } catch (InvalidChannelException e) {
                throw new ApiException(400, "Invalid channel: " + e.getMessage());
            }
        }
        if (encrypted && names.size() > 1) {
            throw new ApiException(400, "An event for an encrypted channel must name that channel alone");
        }
        return names;
    }

    private static String data(JsonObject object, AppLimits limits) {
        JsonValue value = object.get("data");
        if (value == null || value == JsonValue.NULL) {
            throw new ApiException(400, "Missing 'data'");
        }
        // A string is delivered byte for byte; any other JSON value is serialized once, here.
        String data = value instanceof JsonString text ? text.getString() : value.toString();
        if (data.getBytes(StandardCharsets.UTF_8).length > limits.maxEventBytes()) {
            throw new ApiException(413, "Event data is larger than " + limits.maxEventBytes() + " bytes");
        }
        return data;
    }

    /**
     * The attributes asked for. Like Pusher, user_count may be asked of any channel: it is answered for
     * the presence channels among them and left out for the others, and the event is delivered either way.
     */
    private static Set<String> info(String info) {
        if (info == null || info.isBlank()) {
            return Set.of();
        }
        Set<String> attributes = new LinkedHashSet<>();
        for (String attribute : info.split(",")) {
            String trimmed = attribute.trim();
            if (!KNOWN_INFO.contains(trimmed)) {
                throw new ApiException(400, "Unknown info attribute '" + trimmed
                        + "': use user_count and/or subscription_count");
            }
            attributes.add(trimmed);
        }
        return attributes;
    }

    private static String optionalText(JsonObject object, String member) {
        JsonValue value = object.get(member);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new ApiException(400, "'" + member + "' must be a string");
    }
}
