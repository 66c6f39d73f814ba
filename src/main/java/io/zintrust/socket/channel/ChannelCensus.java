package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.presence.PresenceLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the HTTP API reports about channels, for the whole cluster: this instance's table, the other
 * instances' subscriptions and the presence ledger's users. Alone, just the table.
 */
@ApplicationScoped
public class ChannelCensus {

    @Inject
    Channels channels;
    @Inject
    RemoteChannels remote;
    @Inject
    PresenceLedger ledger;

    public ChannelStats stats(App app, String name) {
        ChannelStats here = channels.stats(app, name);
        int subscriptions = here.subscriptionCount() + remote.subscriptionsElsewhere(app, name);
        return new ChannelStats(name, subscriptions, users(app, name, here.userCount()));
    }

    /** Occupied channels of the app whose names start with {@code prefix}, sorted by name. */
    public List<ChannelStats> occupied(App app, String prefix) {
        Map<String, Integer> subscriptions = new TreeMap<>();
        Map<String, Integer> usersHere = new TreeMap<>();
        for (ChannelStats here : channels.occupied(app, prefix)) {
            subscriptions.put(here.name(), here.subscriptionCount());
            usersHere.put(here.name(), here.userCount());
        }
        remote.occupiedElsewhere(app, prefix).forEach((name, count) -> subscriptions.merge(name, count, Integer::sum));
        List<ChannelStats> found = new ArrayList<>();
        subscriptions.forEach((name, count) -> {
            int localUsers = usersHere.getOrDefault(name, ChannelStats.unoccupied(name).userCount());
            found.add(new ChannelStats(name, count, users(app, name, localUsers)));
        });
        return found;
    }

    private int users(App app, String name, int usersHere) {
        if (usersHere < 0) {
            return -1;
        }
        return ledger.members(app.id(), name).map(Map::size).orElse(usersHere);
    }
}
