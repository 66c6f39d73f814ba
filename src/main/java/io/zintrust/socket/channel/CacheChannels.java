package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last server event of each cache channel, kept for the app's cache TTL. */
@ApplicationScoped
public class CacheChannels {

    private final Map<ChannelKey, CachedEvent> last = new ConcurrentHashMap<>();

    void store(App app, String channel, String event, String data, String frame) {
        last.put(new ChannelKey(app.id(), channel), new CachedEvent(event, data, frame,
                System.currentTimeMillis() + app.limits().cacheTtlSeconds() * 1000L));
    }

    /** The last event of a cache channel, while it has not expired. */
    public Optional<CachedEvent> cached(App app, String channel) {
        ChannelKey key = new ChannelKey(app.id(), channel);
        CachedEvent cached = last.get(key);
        if (cached == null) {
            return Optional.empty();
        }
        if (cached.expiresAtMillis() <= System.currentTimeMillis()) {
            last.remove(key, cached);
            return Optional.empty();
        }
        return Optional.of(cached);
    }

    /** Queues the channel's last event for a new subscriber, or {@code pusher:cache_miss}; true on a miss. */
    boolean queueLastEvent(ClientSocket socket, String channel) {
        CachedEvent cached = cached(socket.app(), channel).orElse(null);
        socket.enqueue(cached != null ? cached.frame() : Frames.cacheMiss(channel));
        return cached == null;
    }

    void expire() {
        long now = System.currentTimeMillis();
        last.entrySet().removeIf(entry -> entry.getValue().expiresAtMillis() <= now);
    }
}
