package io.zintrust.socket.policy;

/**
 * A request to join a channel, or to sign in as a user.
 *
 * @param appId       the app the socket belongs to
 * @param socketId    the socket asking
 * @param channelName the private, presence or encrypted channel; null for a user sign-in
 *                    ({@code POST /broadcasting/user-auth})
 * @param channelData the presence {@code channel_data} the client sent, or null
 * @param caller      the HTTP caller
 */
public record ChannelRequest(String appId, String socketId, String channelName, String channelData, Caller caller) {

    public boolean signIn() {
        return channelName == null;
    }

    public boolean presence() {
        return channelName != null && channelName.startsWith("presence-");
    }
}
