package io.zintrust.socket.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.channel.PresenceChannels;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * When an instance dies, the oldest survivor takes its sockets' users out of every presence channel
 * and of the online users, and tells everyone who is now gone: {@code member_removed} and watchlist
 * {@code offline} reach the subscribers and watchers of every instance.
 */
@ApplicationScoped
public class DeadInstances implements MembershipListener {

    private static final System.Logger LOG = System.getLogger(DeadInstances.class.getName());

    @Inject
    GridDetection detection;
    @Inject
    ClusterPresence presence;
    @Inject
    PresenceChannels channels;
    @Inject
    UserDirectory users;
    @Inject
    Apps apps;

    void watch(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        detection.grid().ifPresent(grid -> grid.getCluster().addMembershipListener(this));
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // a new instance starts with no sockets: nothing to do
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        HazelcastInstance grid = detection.grid().orElse(null);
        if (grid == null || !event.getMembers().iterator().next().localMember()) {
            return;
        }
        String dead = event.getMember().getUuid().toString();
        int removed = 0;
        for (Map.Entry<String, List<String>> entry : presence.removeInstance(grid, dead).entrySet()) {
            int split = entry.getKey().indexOf('\n');
            String channel = entry.getKey().substring(split + 1);
            var app = apps.byId(entry.getKey().substring(0, split));
            if (app.isEmpty()) {
                continue;
            }
            for (String userId : entry.getValue()) {
                if (ClusterPresence.ONLINE.equals(channel)) {
                    users.wentOfflineWithDeadInstance(app.get(), userId);
                } else {
                    channels.removedWithDeadInstance(app.get(), channel, userId);
                }
                removed++;
            }
        }
        int count = removed;
        LOG.log(Level.INFO, () -> "Instance " + dead + " left the cluster: " + count
                + " presence member(s) it held were removed");
    }
}
