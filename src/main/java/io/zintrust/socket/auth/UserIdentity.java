package io.zintrust.socket.auth;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The user a policy vouches for: who joins a presence channel, who signs in.
 *
 * @param id   the user id
 * @param info the user's {@code user_info}, or null
 */
public record UserIdentity(String id, JsonObject info) {

    /** Presence {@code channel_data}, as the server signs it. */
    public String channelData() {
        return with(JsonText.JSON.createObjectBuilder().add("user_id", id)).build().toString();
    }

    /** Sign-in {@code user_data}. */
    public String userData() {
        return with(JsonText.JSON.createObjectBuilder().add("id", id)).build().toString();
    }

    private JsonObjectBuilder with(JsonObjectBuilder builder) {
        return info == null ? builder : builder.add("user_info", info);
    }
}
