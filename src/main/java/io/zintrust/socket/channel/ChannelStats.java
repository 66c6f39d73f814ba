package io.zintrust.socket.channel;

/** What the HTTP API reports about a channel; {@code userCount} is -1 outside presence channels. */
public record ChannelStats(int subscriptionCount, int userCount) {

    public static final ChannelStats EMPTY = new ChannelStats(0, 0);

    public boolean occupied() {
        return subscriptionCount > 0;
    }
}
