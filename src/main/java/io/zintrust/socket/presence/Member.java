package io.zintrust.socket.presence;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A presence member as announced in {@code channel_data}: the user id (string form, numbers accepted)
 * and the {@code user_info} JSON text ({@code null} when absent).
 */
public record Member(String userId, String userInfoJson) {

    /** A presence member from a signed-in socket's user data: its id and {@code user_info}. */
    public static Member ofSignedInUser(String userId, String userData) {
        JsonValue info = JsonText.object(userData).map(o -> o.get("user_info")).orElse(null);
        return new Member(userId, info == null ? "null" : info.toString());
    }

    public static Member fromChannelData(String channelData) {
        if (channelData == null || channelData.isBlank()) {
            throw new InvalidMemberException("channel_data is required for presence channels");
        }
        JsonObject object = JsonText.object(channelData).orElseThrow(
                () -> new InvalidMemberException("channel_data must be a JSON object with a user_id"));
        JsonValue id = object.get("user_id");
        String userId;
        if (id instanceof JsonString s) {
            userId = s.getString();
        } else if (id instanceof JsonNumber n) {
            // the form JavaScript gives the same number: 10.0 and 1e1 are both user "10"
            userId = JsonText.idOf(n).orElseThrow(
                    () -> new InvalidMemberException("channel_data user_id is not a usable number"));
        } else {
            throw new InvalidMemberException("channel_data must carry a user_id (string or number)");
        }
        if (userId.isBlank()) {
            throw new InvalidMemberException("channel_data user_id must not be empty");
        }
        JsonValue info = object.get("user_info");
        return new Member(userId, info == null ? "null" : info.toString());
    }
}
