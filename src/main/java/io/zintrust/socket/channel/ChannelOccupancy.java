package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Occupied, vacated and subscription counts as the whole cluster sees them: a change of this instance's
 * subscribers is queued under the channel's monitor and told to the {@link OccupancyLedger} after it,
 * in order; the activities follow from the ledger's answer.
 */
@ApplicationScoped
public class ChannelOccupancy {

    @Inject
    OccupancyLedger ledger;
    @Inject
    FollowUps followUps;
    @Inject
    Activities activities;

    /** Whether the app's occupancy is followed (else no occupied or vacated, and counts are this instance's). */
    boolean follows(App app) {
        return ledger.follows(app);
    }

    /**
     * Under the monitor, after the channel's subscribers changed here and before it may leave the table:
     * {@code occupiedHere} (its first here), {@code vacatedHere} (its last here left), {@code counted} (a
     * subscription count is due, unless the channel is now empty everywhere).
     */
    void queue(Channel channel, boolean occupiedHere, boolean vacatedHere, boolean counted) {
        int here = channel.subscribers.size();
        App app = channel.app;
        String name = channel.name.value();
        followUps.enqueue(channel, () -> {
            OccupancyLedger.Occupancy anywhere = ledger.changed(app.id(), name, here);
            if (occupiedHere && anywhere.wasEmpty()) {
                activities.emit(new Activity.ChannelOccupied(app, name));
            }
            if (counted && !anywhere.nowEmpty()) {
                activities.emit(new Activity.SubscriptionCountChanged(app, name, anywhere.total()));
            }
            if (vacatedHere && anywhere.nowEmpty()) {
                activities.emit(new Activity.ChannelVacated(app, name));
            }
        });
    }

    /** With no lock held: runs what was queued. */
    void settle(Channel channel) {
        followUps.settle(channel);
    }

    /** A channel whose last subscribers anywhere were on an instance that died. */
    public void vacatedWithDeadInstance(App app, String channel) {
        activities.emit(new Activity.ChannelVacated(app, channel));
    }
}
