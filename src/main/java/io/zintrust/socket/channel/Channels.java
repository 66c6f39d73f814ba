package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The table of occupied channels on this instance: a channel is in it while it has a subscriber. */
@ApplicationScoped
public class Channels {

    private final Map<ChannelKey, Channel> table = new ConcurrentHashMap<>();

    /** The channel to join, created when absent; the caller locks it and checks {@code retired}. */
    Channel joinable(App app, ChannelName name) {
        return table.computeIfAbsent(new ChannelKey(app.id(), name.value()), key -> new Channel(app, name));
    }

    Channel find(App app, String name) {
        return table.get(new ChannelKey(app.id(), name));
    }

    /** Under the channel's monitor: takes an empty channel out of the table; true when it did. */
    boolean retireIfEmpty(Channel channel) {
        if (!channel.subscribers.isEmpty() || channel.retired) {
            return false;
        }
        channel.retired = true;
        table.remove(channel.key, channel);
        return true;
    }

    Collection<Channel> all() {
        return table.values();
    }

    /** This instance's subscriptions and presence users of a channel. */
    public ChannelStats stats(App app, String name) {
        Channel channel = find(app, name);
        return channel == null ? ChannelStats.unoccupied(name) : stats(channel);
    }

    /** Occupied channels of the app on this instance whose names start with {@code prefix}, sorted by name. */
    public List<ChannelStats> occupied(App app, String prefix) {
        List<ChannelStats> found = new ArrayList<>();
        for (Channel channel : table.values()) {
            if (channel.app.id().equals(app.id()) && channel.name.value().startsWith(prefix)) {
                ChannelStats stats = stats(channel);
                if (stats.occupied()) {
                    found.add(stats);
                }
            }
        }
        found.sort(Comparator.comparing(ChannelStats::name));
        return found;
    }

    private static ChannelStats stats(Channel channel) {
        synchronized (channel) {
            return new ChannelStats(channel.name.value(), channel.subscribers.size(),
                    channel.roster == null ? -1 : channel.roster.userCount());
        }
    }
}
