package io.zintrust.socket.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.channel.ChannelOccupancy;
import io.zintrust.socket.channel.PresenceChannels;
import io.zintrust.socket.users.UserDirectory;
import io.zintrust.socket.webhooks.Batch;
import io.zintrust.socket.webhooks.WebhookListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When an instance dies, the oldest survivor takes its sockets' users out of every presence channel
 * and of the online users, and tells everyone who is now gone: {@code member_removed} and watchlist
 * {@code offline} reach the subscribers and watchers of every instance. It also takes the instance out
 * of channel occupancy (the channels it alone held are vacated) and takes over its pending webhook
 * batches. Each pass handles every instance no longer in the cluster, so a survivor that dies during a
 * pass leaves nothing behind: the next oldest's pass finds it too.
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
    @Inject
    ClusterOccupancy occupancy;
    @Inject
    ChannelOccupancy occupancies;
    @Inject
    GridPendingBatches pending;
    @Inject
    WebhookListener webhooks;

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
        // each step on its own: one that fails (the grid busy or leaving) must not cost the others
        int members = step("presence members", () -> removeMembers(grid, dead));
        int vacated = step("channel occupancy", () -> vacateChannels(grid));
        int batches = step("pending webhook batches", () -> adoptBatches(grid));
        LOG.log(Level.INFO, () -> "Instance " + dead + " left the cluster: " + members
                + " presence member(s) it held were removed, " + vacated + " channel(s) only it held were vacated, "
                + batches + " pending webhook batch(es) were taken over");
    }

    private static int step(String what, java.util.function.IntSupplier step) {
        try {
            return step.getAsInt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cleaning up after a lost instance failed for " + what
                    + "; the next instance to leave the cluster retries it", e);
            return 0;
        }
    }

    private int removeMembers(HazelcastInstance grid, String dead) {
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
        return removed;
    }

    private int vacateChannels(HazelcastInstance grid) {
        int vacated = 0;
        for (String key : occupancy.removeGone(grid)) {
            int split = key.indexOf('\n');
            var app = apps.byId(key.substring(0, split));
            if (app.isPresent()) {
                occupancies.vacatedWithDeadInstance(app.get(), key.substring(split + 1));
                vacated++;
            }
        }
        return vacated;
    }

    private int adoptBatches(HazelcastInstance grid) {
        List<String> unknown = new ArrayList<>();
        int adopted = 0;
        for (Batch batch : pending.claimOrphans(grid, unknown)) {
            if (webhooks.adopt(batch)) {
                adopted++;
            }
        }
        if (!unknown.isEmpty()) {
            LOG.log(Level.WARNING, "Pending webhook batches of a lost instance name an app or target this instance"
                    + " does not have (configure every instance alike); left in the grid: " + unknown);
        }
        return adopted;
    }
}
