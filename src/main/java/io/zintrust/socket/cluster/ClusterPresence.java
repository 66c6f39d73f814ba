package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.presence.PresenceLedger;
import io.zintrust.socket.users.OnlineLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Presence and online users across instances, in a map of the data grid: one entry per presence
 * channel (see {@link PresenceEntries}), and one more per app for signed-in users. Each change happens
 * under the grid's lock of that entry, so two instances never both decide the same arrival or
 * departure; readers ignore instances no longer in the cluster. Alone, every first arrival and last
 * departure here is the first and last anywhere.
 */
@ApplicationScoped
public class ClusterPresence implements PresenceLedger, OnlineLedger {

    static final String MAP = "zintrust-socket-presence";
    /** Signed-in users are kept like the members of one more channel, under a name no channel can have. */
    static final String ONLINE = "\u0000online";

    @Inject
    GridDetection detection;

    private interface Change {
        boolean apply(Map<String, PresenceEntries.Entry> users, String self, Set<String> live);
    }

    static String key(String appId, String channel) {
        return appId + "\n" + channel;
    }

    @Override
    public boolean joined(String appId, String channel, Member member) {
        return change(appId, channel, (users, self, live) -> {
            PresenceEntries.Entry entry = users.computeIfAbsent(member.userId(),
                    id -> new PresenceEntries.Entry(member.userInfoJson(), new LinkedHashSet<>()));
            boolean first = entry.instances().stream().noneMatch(live::contains);
            entry.instances().retainAll(live);
            entry.instances().add(self);
            return first;
        });
    }

    @Override
    public boolean left(String appId, String channel, String userId) {
        return change(appId, channel, (users, self, live) -> {
            PresenceEntries.Entry entry = users.get(userId);
            if (entry == null) {
                return true;
            }
            entry.instances().remove(self);
            entry.instances().retainAll(live);
            if (entry.instances().isEmpty()) {
                users.remove(userId);
                return true;
            }
            return false;
        });
    }

    private boolean change(String appId, String channel, Change change) {
        HazelcastInstance grid = detection.grid().orElse(null);
        if (grid == null) {
            return true;
        }
        IMap<String, String> presence = grid.getMap(MAP);
        String key = key(appId, channel);
        String self = Instances.self(grid);
        presence.lock(key);
        try {
            Map<String, PresenceEntries.Entry> users = PresenceEntries.read(presence.get(key));
            boolean result = change.apply(users, self, Instances.live(grid));
            store(presence, key, users);
            return result;
        } finally {
            presence.unlock(key);
        }
    }

    @Override
    public Optional<Map<String, String>> members(String appId, String channel) {
        HazelcastInstance grid = detection.grid().orElse(null);
        if (grid == null) {
            return Optional.empty();
        }
        Set<String> live = Instances.live(grid);
        Map<String, String> members = new LinkedHashMap<>();
        IMap<String, String> presence = grid.getMap(MAP);
        PresenceEntries.read(presence.get(key(appId, channel))).forEach((userId, entry) -> {
            if (entry.instances().stream().anyMatch(live::contains)) {
                members.put(userId, entry.userInfoJson());
            }
        });
        return Optional.of(members);
    }

    @Override
    public boolean cameOnline(String appId, String userId) {
        return joined(appId, ONLINE, new Member(userId, "null"));
    }

    @Override
    public boolean wentOffline(String appId, String userId) {
        return left(appId, ONLINE, userId);
    }

    @Override
    public Set<String> onlineAnywhere(String appId, Collection<String> userIds) {
        return members(appId, ONLINE).map(online -> userIds.stream().filter(online::containsKey)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    /** Takes a dead instance out of every entry; the users that are now nowhere, per entry key. */
    Map<String, List<String>> removeInstance(HazelcastInstance grid, String dead) {
        IMap<String, String> presence = grid.getMap(MAP);
        Map<String, List<String>> goneByKey = new LinkedHashMap<>();
        for (String key : new ArrayList<>(presence.keySet())) {
            presence.lock(key);
            try {
                Map<String, PresenceEntries.Entry> users = PresenceEntries.read(presence.get(key));
                Set<String> live = Instances.live(grid);
                List<String> gone = new ArrayList<>();
                users.forEach((userId, entry) -> {
                    entry.instances().remove(dead);
                    entry.instances().retainAll(live);
                    if (entry.instances().isEmpty()) {
                        gone.add(userId);
                    }
                });
                gone.forEach(users::remove);
                store(presence, key, users);
                if (!gone.isEmpty()) {
                    goneByKey.put(key, gone);
                }
            } finally {
                presence.unlock(key);
            }
        }
        return goneByKey;
    }


    private static void store(IMap<String, String> presence, String key, Map<String, PresenceEntries.Entry> users) {
        if (users.isEmpty()) {
            presence.delete(key);
        } else {
            presence.set(key, PresenceEntries.write(users));
        }
    }
}
