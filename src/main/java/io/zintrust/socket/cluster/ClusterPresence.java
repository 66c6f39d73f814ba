package io.zintrust.socket.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.zintrust.socket.presence.PresenceLedger;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.JsonText;
import io.zintrust.socket.users.OnlineLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.lang.System.Logger.Level;
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
 * Presence across instances, in a map of the data grid: one entry per presence channel holding, per
 * user, the user_info and the instances that have a socket of that user. Each change happens under the
 * grid's lock of that channel's entry, so two instances never both announce the same arrival or
 * departure. When an instance dies, the oldest survivor removes it from every channel and announces
 * the users that left with it; readers also ignore instances no longer in the cluster.
 */
@ApplicationScoped
public class ClusterPresence implements PresenceLedger, OnlineLedger, MembershipListener {

    private static final System.Logger LOG = System.getLogger(ClusterPresence.class.getName());
    static final String MAP = "zintrust-socket-presence";
    /** Signed-in users are kept like the members of one more channel, under a name no channel can have. */
    static final String ONLINE = "\u0000online";

    @Inject
    ClusterBus bus;

    private volatile IMap<String, String> map;
    private volatile HazelcastInstance grid;

    /** Called by the bus once it has joined the cluster. */
    void attach(HazelcastInstance hazelcast) {
        grid = hazelcast;
        map = hazelcast.getMap(MAP);
        hazelcast.getCluster().addMembershipListener(this);
    }

    private static String key(String appId, String channel) {
        return appId + "\n" + channel;
    }

    @Override
    public boolean joined(String appId, String channel, io.zintrust.socket.presence.Member member) {
        return change(appId, channel, (users, self, live) -> {
            Entry entry = users.computeIfAbsent(member.userId(),
                    id -> new Entry(member.userInfoJson(), new LinkedHashSet<>()));
            boolean first = entry.instances.stream().noneMatch(live::contains);
            entry.instances.retainAll(live);
            entry.instances.add(self);
            return first;
        });
    }

    @Override
    public boolean left(String appId, String channel, String userId) {
        return change(appId, channel, (users, self, live) -> {
            Entry entry = users.get(userId);
            if (entry == null) {
                return true;
            }
            entry.instances.remove(self);
            entry.instances.retainAll(live);
            if (entry.instances.isEmpty()) {
                users.remove(userId);
                return true;
            }
            return false;
        });
    }

    private interface Change {
        boolean apply(Map<String, Entry> users, String self, Set<String> live);
    }

    /**
     * Reads, changes and stores the channel's entry under the grid's lock of it. Alone (no grid), every
     * local first arrival and last departure is the first and last anywhere.
     */
    private boolean change(String appId, String channel, Change change) {
        IMap<String, String> presence = map;
        if (presence == null) {
            return true;
        }
        String key = key(appId, channel);
        String self = grid.getCluster().getLocalMember().getUuid().toString();
        presence.lock(key);
        try {
            Map<String, Entry> users = read(presence.get(key));
            boolean result = change.apply(users, self, liveMembers());
            store(presence, key, users);
            return result;
        } finally {
            presence.unlock(key);
        }
    }

    @Override
    public Optional<Map<String, String>> members(String appId, String channel) {
        IMap<String, String> presence = map;
        if (presence == null) {
            return Optional.empty();
        }
        Set<String> live = liveMembers();
        Map<String, String> members = new LinkedHashMap<>();
        read(presence.get(key(appId, channel))).forEach((userId, entry) -> {
            if (entry.instances.stream().anyMatch(live::contains)) {
                members.put(userId, entry.userInfoJson);
            }
        });
        return Optional.of(members);
    }

    @Override
    public void announce(String appId, String channel, String frame) {
        bus.relayElsewhere(appId, channel, frame);
    }

    @Override
    public boolean cameOnline(String appId, String userId) {
        return joined(appId, ONLINE, new io.zintrust.socket.presence.Member(userId, "null"));
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

    @Override
    public void tellWatchersElsewhere(String appId, String userId, String state) {
        bus.watchElsewhere(appId, userId, state);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // a new instance starts with no sockets: nothing to do
    }

    /** The oldest survivor takes the dead instance's users out of every channel and announces them. */
    @Override
    public void memberRemoved(MembershipEvent event) {
        Member oldest = event.getMembers().iterator().next();
        if (!oldest.localMember()) {
            return;
        }
        String dead = event.getMember().getUuid().toString();
        IMap<String, String> presence = map;
        int removed = 0;
        for (String key : new ArrayList<>(presence.keySet())) {
            presence.lock(key);
            List<String> gone = new ArrayList<>();
            try {
                Map<String, Entry> users = read(presence.get(key));
                Set<String> live = liveMembers();
                for (var user : users.entrySet()) {
                    user.getValue().instances.remove(dead);
                    user.getValue().instances.retainAll(live);
                    if (user.getValue().instances.isEmpty()) {
                        gone.add(user.getKey());
                    }
                }
                gone.forEach(users::remove);
                store(presence, key, users);
            } finally {
                presence.unlock(key);
            }
            int split = key.indexOf('\n');
            String appId = key.substring(0, split);
            String channel = key.substring(split + 1);
            for (String userId : gone) {
                if (ONLINE.equals(channel)) {
                    bus.watchEverywhere(appId, userId, "offline");
                } else {
                    bus.relayEverywhere(appId, channel, Frames.memberRemoved(channel, userId));
                }
                removed++;
            }
        }
        int count = removed;
        LOG.log(Level.INFO, () -> "Instance " + dead + " left the cluster: " + count
                + " presence member(s) it held were removed");
    }

    private Set<String> liveMembers() {
        return grid.getCluster().getMembers().stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
    }

    private static void store(IMap<String, String> presence, String key, Map<String, Entry> users) {
        if (users.isEmpty()) {
            presence.delete(key);
        } else {
            presence.set(key, write(users));
        }
    }

    private record Entry(String userInfoJson, Set<String> instances) {
    }

    private static Map<String, Entry> read(String json) {
        Map<String, Entry> users = new LinkedHashMap<>();
        if (json == null) {
            return users;
        }
        JsonObject document = JsonText.object(json).orElseThrow();
        for (var user : document.entrySet()) {
            JsonObject entry = user.getValue().asJsonObject();
            Set<String> instances = new LinkedHashSet<>();
            entry.getJsonArray("on").getValuesAs(JsonString.class).forEach(s -> instances.add(s.getString()));
            users.put(user.getKey(), new Entry(entry.getString("info"), instances));
        }
        return users;
    }

    private static String write(Map<String, Entry> users) {
        JsonObjectBuilder document = JsonText.JSON.createObjectBuilder();
        users.forEach((userId, entry) -> document.add(userId, JsonText.JSON.createObjectBuilder()
                .add("info", entry.userInfoJson).add("on", JsonText.JSON.createArrayBuilder(entry.instances))));
        return document.build().toString();
    }
}
