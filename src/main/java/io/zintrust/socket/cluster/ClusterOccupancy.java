package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookEvent;
import io.zintrust.socket.apps.WebhookTarget;
import io.zintrust.socket.channel.OccupancyLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Channel occupancy across instances, in a map of the data grid: one entry per channel with subscribers
 * somewhere (see {@link OccupancyEntries}), each instance writing only its own count. An update is an
 * atomic read-modify-write of the entry ({@code IMap.compute} with a function that is not serializable
 * runs here as a compare-and-set loop, so no class of ours travels to other members).
 *
 * <p>An entry still naming a dead instance keeps the channel occupied until {@link #removeGone} takes
 * the instance out, which then reports the channel vacated: a subscriber arriving meanwhile neither
 * announces a second occupied nor loses the vacated.
 */
@ApplicationScoped
public class ClusterOccupancy implements OccupancyLedger {

    static final String MAP = "zintrust-socket-occupancy";
    private static final Set<WebhookEvent> FOLLOWED = Set.of(WebhookEvent.CHANNEL_OCCUPIED,
            WebhookEvent.CHANNEL_VACATED, WebhookEvent.SUBSCRIPTION_COUNT);

    @Inject
    GridDetection detection;

    private final Map<String, Boolean> followed = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean follows(App app) {
        // asked on every subscribe and leave: the apps are fixed at startup, so their answer is kept
        return !detection.clustered() || followed.computeIfAbsent(app.id(), id -> wantsOccupancy(app));
    }

    private static boolean wantsOccupancy(App app) {
        for (WebhookTarget target : app.webhooks()) {
            for (WebhookEvent event : FOLLOWED) {
                if (target.events().contains(event)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Occupancy changed(String appId, String channel, int here) {
        HazelcastInstance grid = detection.grid().orElse(null);
        if (grid == null) {
            return new Occupancy(true, here == 0, here);
        }
        String self = Instances.self(grid);
        Set<String> live = Instances.live(grid);
        AtomicReference<Occupancy> answer = new AtomicReference<>();
        IMap<String, String> occupancy = grid.getMap(MAP);
        // the function may run more than once (the compare-and-set lost a race): the last run is the one applied
        occupancy.compute(ClusterPresence.key(appId, channel), (key, old) -> {
            Map<String, Integer> counts = OccupancyEntries.read(old);
            // this instance's own entry counts for nothing here: it is queued in order, so an entry of
            // its own that is still there when it gains a first subscriber is one a failed call left
            boolean wasEmpty = counts.keySet().stream().allMatch(self::equals);
            if (here == 0) {
                counts.remove(self);
            } else {
                counts.put(self, here);
            }
            int total = counts.entrySet().stream().filter(e -> live.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            answer.set(new Occupancy(wasEmpty, counts.isEmpty(), total));
            return OccupancyEntries.write(counts);
        });
        return answer.get();
    }

    /** Takes every instance no longer in the cluster out of every entry; the entry keys left with none. */
    List<String> removeGone(HazelcastInstance grid) {
        IMap<String, String> occupancy = grid.getMap(MAP);
        List<String> vacated = new ArrayList<>();
        for (Map.Entry<String, String> entry : occupancy.entrySet()) {
            if (Instances.live(grid).containsAll(OccupancyEntries.read(entry.getValue()).keySet())) {
                continue;
            }
            AtomicReference<Boolean> emptied = new AtomicReference<>(false);
            occupancy.compute(entry.getKey(), (key, old) -> {
                Map<String, Integer> counts = OccupancyEntries.read(old);
                boolean had = !counts.isEmpty();
                // read now, not once for the pass: an instance that joined meanwhile keeps its count
                counts.keySet().retainAll(Instances.live(grid));
                emptied.set(had && counts.isEmpty());
                return OccupancyEntries.write(counts);
            });
            if (emptied.get()) {
                vacated.add(entry.getKey());
            }
        }
        return vacated;
    }

}
