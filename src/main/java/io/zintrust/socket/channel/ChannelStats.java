package io.zintrust.socket.channel;

/** What the HTTP API reports about a channel; {@code userCount} is -1 outside presence channels. */
public record ChannelStats(String name, int subscriptionCount, int userCount) {

    /** A channel nobody here is subscribed to: no subscriptions, no users (on presence channels). */
    public static ChannelStats unoccupied(String name) {
        return new ChannelStats(name, 0, ChannelName.parse(name, Integer.MAX_VALUE).isPresence() ? 0 : -1);
    }

    public boolean occupied() {
        return subscriptionCount > 0;
    }
}
