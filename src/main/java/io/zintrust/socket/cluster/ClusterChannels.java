package io.zintrust.socket.cluster;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.ChannelRegistry;
import io.zintrust.socket.channel.ChannelStats;
import io.zintrust.socket.presence.PresenceLedger;
import io.zintrust.socket.protocol.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the HTTP API reports about channels, for the whole cluster: this instance's registry plus the
 * other instances' answers (subscriptions) and the presence ledger (users). Alone, just the registry.
 */
@ApplicationScoped
public class ClusterChannels {

    @Inject
    ChannelRegistry registry;
    @Inject
    ClusterBus bus;
    @Inject
    PresenceLedger ledger;

    public ChannelStats stats(App app, String name) {
        ChannelStats here = registry.stats(app, name);
        int subscriptions = here.subscriptionCount();
        for (JsonObject answer : bus.askOthers(app, question("channel").add("name", name).build())) {
            subscriptions += answer.getInt("subs", 0);
        }
        return new ChannelStats(name, subscriptions, users(app, name, here.userCount()));
    }

    /** Occupied channels of the app whose names start with {@code prefix}, sorted by name. */
    public List<ChannelStats> occupied(App app, String prefix) {
        Map<String, Integer> subscriptions = new TreeMap<>();
        Map<String, Integer> localUsers = new TreeMap<>();
        for (ChannelStats here : registry.occupied(app, prefix)) {
            subscriptions.put(here.name(), here.subscriptionCount());
            localUsers.put(here.name(), here.userCount());
        }
        for (JsonObject answer : bus.askOthers(app, question("channels").add("prefix", prefix).build())) {
            JsonObject channels = answer.getJsonObject("channels");
            if (channels != null) {
                channels.forEach((name, count) -> subscriptions.merge(name, ((jakarta.json.JsonNumber) count).intValue(),
                        Integer::sum));
            }
        }
        List<ChannelStats> found = new ArrayList<>();
        subscriptions.forEach((name, count) -> {
            int localUserCount = localUsers.getOrDefault(name,
                    ChannelName.parse(name, Integer.MAX_VALUE).isPresence() ? 0 : -1);
            found.add(new ChannelStats(name, count, users(app, name, localUserCount)));
        });
        return found;
    }

    private int users(App app, String name, int localUserCount) {
        if (localUserCount < 0) {
            return -1;
        }
        return ledger.members(app.id(), name).map(Map::size).orElse(localUserCount);
    }

    private static jakarta.json.JsonObjectBuilder question(String kind) {
        return JsonText.JSON.createObjectBuilder().add("k", kind);
    }
}
