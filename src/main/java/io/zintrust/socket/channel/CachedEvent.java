package io.zintrust.socket.channel;

/** The last server event of a cache channel: its frame as sent, its data, and when it expires. */
public record CachedEvent(String event, String data, String frame, long expiresAtMillis) {

    public long ttlSeconds(long nowMillis) {
        return Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
    }
}
