package io.zintrust.socket.auth;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelName;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A validated request to sign a subscription, or a sign-in when {@code channel} is null, with the HTTP
 * request for policies that look at the caller.
 *
 * @param channelData the presence {@code channel_data} (or sign-in {@code user_data}) the client sent, or null
 */
public record ChannelAuthRequest(App app, String socketId, ChannelName channel, String channelData,
                                 HttpServletRequest http) {

    public boolean signIn() {
        return channel == null;
    }

    /** Presence members and signed-in sockets are someone: the policy must say who. */
    public boolean needsUser() {
        return channel == null || channel.isPresence();
    }

    /** What the caller asked for, for messages: the channel, or "sign-in". */
    public String subject() {
        return channel == null ? "sign-in" : channel.value();
    }
}
