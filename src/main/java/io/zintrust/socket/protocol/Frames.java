package io.zintrust.socket.protocol;

/**
 * Encodes every frame the server sends. Holds the double-JSON rules of the Pusher protocol
 * (https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol/): protocol
 * payloads travel as JSON strings, API event data is the publisher's string verbatim, client event
 * data keeps the JSON the sender used, errors carry an object.
 */
public final class Frames {

    public static final String PONG = "{\"event\":\"pusher:pong\",\"data\":{}}";
    public static final String PING = "{\"event\":\"pusher:ping\",\"data\":{}}";

    private Frames() {
    }

    public static String connectionEstablished(String socketId, int activityTimeout) {
        String payload = "{\"socket_id\":" + quote(socketId) + ",\"activity_timeout\":" + activityTimeout + "}";
        return "{\"event\":\"pusher:connection_established\",\"data\":" + quote(payload) + "}";
    }

    public static String error(ErrorCode code, String message) {
        return "{\"event\":\"pusher:error\",\"data\":{\"code\":" + code.code() + ",\"message\":" + quote(message) + "}}";
    }

    /** Channel-scoped so pusher-js hands it to that channel's listeners (Laravel Echo's {@code error()}). */
    public static String subscriptionError(String channel, String type, String error, int status) {
        return "{\"event\":\"pusher:subscription_error\",\"channel\":" + quote(channel)
                + ",\"data\":{\"type\":" + quote(type) + ",\"error\":" + quote(error) + ",\"status\":" + status + "}}";
    }

    /** {@code presenceJson} is the {@code {"presence":{..}}} object text, or null for other channels. */
    public static String subscriptionSucceeded(String channel, String presenceJson) {
        return internal("subscription_succeeded", channel, presenceJson == null ? "{}" : presenceJson);
    }

    /** {@code userInfoJson} is raw JSON text (may be {@code null} literal). */
    public static String memberAdded(String channel, String userId, String userInfoJson) {
        return internal("member_added", channel,
                "{\"user_id\":" + quote(userId) + ",\"user_info\":" + userInfoJson + "}");
    }

    public static String memberRemoved(String channel, String userId) {
        return internal("member_removed", channel, "{\"user_id\":" + quote(userId) + "}");
    }

    /** A server-published event: {@code data} is the publisher's string, forwarded as that string. */
    public static String event(String name, String channel, String data) {
        return "{\"event\":" + quote(name) + ",\"channel\":" + quote(channel) + ",\"data\":" + quote(data) + "}";
    }

    /** A client event: {@code dataJson} is the JSON the sender put in {@code data}, kept as that JSON type. */
    public static String clientEvent(String name, String channel, String dataJson, String userId) {
        StringBuilder out = new StringBuilder(64 + dataJson.length());
        out.append("{\"event\":").append(quote(name)).append(",\"channel\":").append(quote(channel))
                .append(",\"data\":").append(dataJson);
        if (userId != null) {
            out.append(",\"user_id\":").append(quote(userId));
        }
        return out.append('}').toString();
    }

    /** {@code data.user_data} is the exact string the app signed; pusher-js parses it and reads {@code id}. */
    public static String signinSuccess(String userData) {
        return "{\"event\":\"pusher:signin_success\",\"data\":{\"user_data\":" + quote(userData) + "}}";
    }

    /** {@code name} is {@code online} or {@code offline}; the shape pusher-js's watchlist reads. */
    public static String watchlistEvent(String name, java.util.Collection<String> userIds) {
        StringBuilder ids = new StringBuilder("[");
        for (String id : userIds) {
            if (ids.length() > 1) {
                ids.append(',');
            }
            appendQuoted(ids, id);
        }
        return "{\"event\":\"pusher_internal:watchlist_events\",\"data\":{\"events\":[{\"name\":" + quote(name)
                + ",\"user_ids\":" + ids.append(']') + "}]}}";
    }

    public static String cacheMiss(String channel) {
        return "{\"event\":\"pusher:cache_miss\",\"channel\":" + quote(channel) + "}";
    }

    public static String subscriptionCount(String channel, int count) {
        return internal("subscription_count", channel, "{\"subscription_count\":" + count + "}");
    }

    private static String internal(String name, String channel, String payloadJson) {
        return "{\"event\":\"pusher_internal:" + name + "\",\"channel\":" + quote(channel)
                + ",\"data\":" + quote(payloadJson) + "}";
    }

    /** A JSON string literal for {@code text}. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendQuoted(out, text);
        return out.toString();
    }

    public static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
