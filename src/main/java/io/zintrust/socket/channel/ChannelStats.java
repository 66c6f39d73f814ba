package io.zintrust.socket.channel;

/** What the HTTP API reports about a channel; {@code userCount} is -1 outside presence channels. */
public record ChannelStats(String name, int subscriptionCount, int userCount) {

    public boolean occupied() {
        return subscriptionCount > 0;
    }
}
