package io.zintrust.socket.users;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user a socket signed in as ({@code pusher:signin}): its id, the exact {@code user_data} string
 * the app signed, and the user ids it watches.
 */
public record SignedInUser(String id, String userData, List<String> watchlist) {

    /** Empty when {@code user_data} is not a JSON object with a non-empty {@code id}. */
    public static Optional<SignedInUser> parse(String userData) {
        if (userData == null) {
            return Optional.empty();
        }
        Optional<JsonObject> object = JsonText.object(userData);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonValue id = object.get().get("id");
        String userId = id instanceof JsonString s ? s.getString()
                : id instanceof JsonNumber n ? JsonText.idOf(n).orElse(null) : null;
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        List<String> watchlist = new ArrayList<>();
        if (object.get().get("watchlist") instanceof JsonArray watched) {
            for (JsonValue value : watched) {
                if (value instanceof JsonString s && !s.getString().isBlank()) {
                    watchlist.add(s.getString());
                } else if (value instanceof JsonNumber n) {
                    JsonText.idOf(n).ifPresent(watchlist::add);
                }
            }
        }
        return Optional.of(new SignedInUser(userId, userData, List.copyOf(watchlist)));
    }
}
