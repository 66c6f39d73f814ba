package io.zintrust.socket.auth;

import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.protocol.JsonText;
import io.zintrust.socket.protocol.SocketIds;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of an auth request, sent as a form (pusher-js) or as JSON (fetch-based clients); a JSON
 * object given for {@code channel_data} or {@code user_data} is taken as its text.
 */
final class AuthForm {

    private AuthForm() {
    }

    /** The {@code socket_id} field, checked: 400 unless it has the form the server hands out. */
    static String socketId(Map<String, String> fields) {
        String socketId = fields.get("socket_id");
        if (!SocketIds.isValid(socketId)) {
            throw new ApiException(400, SocketIds.INVALID);
        }
        return socketId;
    }

    static Map<String, String> fields(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return form(new String(body, StandardCharsets.UTF_8));
        }
        JsonObject object = JsonText.object(new String(body, StandardCharsets.UTF_8)).orElseThrow(
                () -> new ApiException(400, "Invalid body: send JSON or a form with socket_id"));
        Map<String, String> fields = new HashMap<>();
        object.forEach((name, value) -> {
            if (value instanceof JsonString text) {
                fields.put(name, text.getString());
            } else if (value != JsonValue.NULL && (name.equals("channel_data") || name.equals("user_data"))) {
                fields.put(name, value.toString());
            }
        });
        return fields;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "Invalid form body: bad percent-encoding in " + pair);
                }
            }
        }
        return fields;
    }
}
