package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.connections.RemoteConnections;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Map<String, Integer> elsewhere = Map.of();
    private ScheduledFuture<?> sync;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (detection.grid().isPresent()) {
            sync = scheduler.scheduleWithFixedDelay(this::sync, 1, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sync != null) {
            sync.cancel(false);
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
            String self = grid.getCluster().getLocalMember().getUuid().toString();
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
