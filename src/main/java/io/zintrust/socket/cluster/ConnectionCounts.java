package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.connections.RemoteConnections;
import io.zintrust.socket.schedule.Ticks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-app socket counts of every instance, so per-app connection limits count the whole cluster. Once
 * a second each instance writes its own counts to a map of the grid and reads the other live
 * instances'; entries of instances that left are ignored, and removed by the oldest instance. A burst
 * spread over instances can overshoot a limit for that second.
 */
@ApplicationScoped
public class ConnectionCounts implements RemoteConnections {

    private static final System.Logger LOG = System.getLogger(ConnectionCounts.class.getName());
    static final String MAP = "zintrust-socket-connections";

    @Inject
    GridDetection detection;
    @Inject
    ConnectionTable table;
    @Inject
    Ticks ticks;

    private volatile Map<String, Integer> elsewhere = Map.of();

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (detection.grid().isPresent()) {
            ticks.everySecond("Cluster connection count sync", this::sync);
        }
    }

    @Override
    public int elsewhere(String appId) {
        return elsewhere.getOrDefault(appId, 0);
    }

    void sync() {
        HazelcastInstance grid = detection.grid().orElse(null);
        if (grid == null) {
            return;
        }
        try {
            IMap<String, Integer> counts = grid.getMap(MAP);
            String self = Instances.self(grid);
            table.countsByApp().forEach((appId, count) -> counts.set(self + "\n" + appId, count));
            Set<String> live = new HashSet<>();
            grid.getCluster().getMembers().forEach(m -> live.add(m.getUuid().toString()));
            boolean oldest = grid.getCluster().getMembers().iterator().next().localMember();
            Map<String, Integer> others = new HashMap<>();
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                int split = entry.getKey().indexOf('\n');
                String owner = entry.getKey().substring(0, split);
                if (!owner.equals(self) && live.contains(owner)) {
                    others.merge(entry.getKey().substring(split + 1), entry.getValue(), Integer::sum);
                } else if (!live.contains(owner) && oldest) {
                    counts.delete(entry.getKey());
                }
            }
            elsewhere = others;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Connection counts not synchronised: " + e);
        }
    }
}
