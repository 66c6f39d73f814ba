package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.OutboundFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pusher_internal:subscription_count}, for apps that opt in: every subscriber of a non-presence
 * channel hears its new size. Channels over {@value #THROTTLE_ABOVE} subscribers hear it at most every
 * 5 s, as at Pusher, so a burst of joins cannot flood (and overflow) every socket; the housekeeping
 * sweep sends what is still owed.
 */
@ApplicationScoped
public class SubscriptionCounts {

    static final int THROTTLE_ABOVE = 100;
    static final long THROTTLE_NANOS = 5_000_000_000L;

    @Inject
    Channels channels;
    @Inject
    Activities activities;
    @Inject
    ChannelOccupancy occupancy;

    /**
     * Under the channel's monitor, after its membership changed: queues the count for every subscriber
     * (noted in {@code told}) and returns it, or -1 when none is due now.
     */
    int changed(Channel channel, List<ClientSocket> told) {
        if (!counts(channel) || channel.subscribers.isEmpty()) {
            return -1;
        }
        long now = System.nanoTime();
        int count = channel.subscribers.size();
        if (count > THROTTLE_ABOVE && now - channel.countSentNanos < THROTTLE_NANOS) {
            channel.countPending = true;
            return -1;
        }
        channel.countSentNanos = now;
        channel.countPending = false;
        OutboundFrame frame = OutboundFrame.of(Frames.subscriptionCount(channel.name.value(), count));
        for (ClientSocket subscriber : channel.subscribers) {
            subscriber.enqueue(frame);
            told.add(subscriber);
        }
        return count;
    }

    /** Whether the channel's subscription count is told at all (the app opted in; not on presence channels). */
    static boolean counts(Channel channel) {
        return channel.roster == null && channel.app.features().subscriptionCount();
    }

    /** Sends the throttled counts that are due. */
    void sendPending() {
        for (Channel channel : channels.all()) {
            if (!channel.countPending) {
                continue;
            }
            List<ClientSocket> told = new ArrayList<>();
            int count = -1;
            boolean follows = occupancy.follows(channel.app);
            synchronized (channel) {
                if (channel.countPending && System.nanoTime() - channel.countSentNanos >= THROTTLE_NANOS) {
                    channel.countSentNanos = 0;
                    count = changed(channel, told);
                    if (follows && count >= 0) {
                        occupancy.queue(channel, false, false, true);
                    }
                }
            }
            told.forEach(ClientSocket::flush);
            occupancy.settle(channel);
            if (!follows && count >= 0) {
                activities.emit(new Activity.SubscriptionCountChanged(channel.app, channel.name.value(), count));
            }
        }
    }
}
