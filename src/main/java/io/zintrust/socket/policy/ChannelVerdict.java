package io.zintrust.socket.policy;

import java.util.Map;

/**
 * A {@link ChannelAuthorizer}'s answer.
 *
 * @param authorized whether the request is granted
 * @param userId     for presence channels and sign-in: the user the socket joins as; null keeps the
 *                   principal's name, or the client's own {@code channel_data}
 * @param userInfo   presence {@code user_info} / sign-in {@code user_info}: strings, numbers, booleans,
 *                   lists and maps of those; null for none
 * @param message    why a request was refused; the caller reads it in the 403 body
 */
public record ChannelVerdict(boolean authorized, String userId, Map<String, Object> userInfo, String message) {

    public static ChannelVerdict allow() {
        return new ChannelVerdict(true, null, null, null);
    }

    public static ChannelVerdict allowAs(String userId, Map<String, Object> userInfo) {
        return new ChannelVerdict(true, userId, userInfo, null);
    }

    public static ChannelVerdict refuse(String message) {
        return new ChannelVerdict(false, null, null, message);
    }
}
