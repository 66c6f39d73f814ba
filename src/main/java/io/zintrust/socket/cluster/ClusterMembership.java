package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.zintrust.socket.lifecycle.ClusterView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Operations' view of the grid: clustered instances are ready once their member runs and the topic is
 * joined; the topic's per-app message counts.
 */
@ApplicationScoped
public class ClusterMembership implements ClusterView {

    @Inject
    GridDetection detection;
    @Inject
    ClusterTopic topic;

    @Override
    public String transport() {
        return detection.clustered() ? "cluster" : "node";
    }

    @Override
    public boolean joined() {
        Optional<HazelcastInstance> grid = detection.grid();
        if (grid.isEmpty()) {
            return true;
        }
        try {
            return grid.get().getLifecycleService().isRunning() && topic.clustered()
                    && grid.get().getCluster().getMembers().contains(grid.get().getCluster().getLocalMember());
        } catch (RuntimeException e) {
            return false; // a member shutting down answers with an exception
        }
    }

    @Override
    public long messagesIn(String appId) {
        return topic.traffic.in(appId);
    }

    @Override
    public long messagesOut(String appId) {
        return topic.traffic.out(appId);
    }

    @Override
    public int instances() {
        try {
            return topic.instances();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
