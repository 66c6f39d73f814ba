package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is subscribed where: joining and leaving channels, with the frames and activities that implies.
 * Frames are queued under the channel's monitor and written after it; activities are told after it.
 */
@ApplicationScoped
public class Subscriptions {

    /** What became of a subscription request. */
    public enum Joined { SUBSCRIBED, PRESENCE_FULL, TOO_MANY_CHANNELS }

    /** Channels one socket may be subscribed to at once; bounds what one client can make the server hold. */
    public static final int MAX_CHANNELS_PER_SOCKET = 1000;

    @Inject
    Channels channels;
    @Inject
    PresenceChannels presence;
    @Inject
    CacheChannels cache;
    @Inject
    SubscriptionCounts counts;
    @Inject
    ChannelOccupancy occupancy;
    @Inject
    Activities activities;

    /** The locked part's outcome, told after the lock; {@code count} is due only when occupancy is not followed. */
    private record Change(Joined joined, Channel channel, boolean cacheMiss, int count, List<ClientSocket> told,
                          boolean added) {
    }

    /**
     * Adds the socket to the channel and answers {@code subscription_succeeded} (then, on a cache
     * channel, the cached event or {@code pusher:cache_miss}); on presence channels the others get
     * {@code member_added} when this is the user's first socket anywhere. Subscribing again is
     * answered again but never adds a second delivery.
     */
    public Joined subscribe(ClientSocket socket, ChannelName name, Member member) {
        // the cluster-wide roster for the member limit, read before any lock (a data-grid call)
        Map<String, String> everywhere = name.isPresence() ? presence.everywhere(socket.app(), name.value()) : null;
        Change change;
        do {
            change = join(socket, name, member, everywhere);
        } while (change == null);
        socket.flush();
        change.told().forEach(ClientSocket::flush);
        occupancy.settle(change.channel());
        App app = socket.app();
        if (change.added()) {
            activities.emit(new Activity.Subscribed(app, name.value(), name.type().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (change.cacheMiss()) {
            activities.emit(new Activity.CacheMissed(app, name.value()));
        }
        if (change.count() >= 0) {
            activities.emit(new Activity.SubscriptionCountChanged(app, name.value(), change.count()));
        }
        return change.joined();
    }

    /** The locked part of subscribe; null when the channel found was retired meanwhile. */
    private Change join(ClientSocket socket, ChannelName name, Member member, Map<String, String> everywhere) {
        Channel channel = channels.joinable(socket.app(), name);
        synchronized (channel) {
            if (channel.retired) {
                return null;
            }
            boolean known = channel.subscribers.contains(socket);
            if (!known && channel.roster != null && PresenceChannels.full(channel, member, everywhere)) {
                channels.retireIfEmpty(channel);
                return unchanged(Joined.PRESENCE_FULL, channel);
            }
            if (!known && socket.channels().size() >= MAX_CHANNELS_PER_SOCKET) {
                channels.retireIfEmpty(channel);
                return unchanged(Joined.TOO_MANY_CHANNELS, channel);
            }
            boolean added = channel.subscribers.add(socket);
            if (added) {
                socket.channels().add(name.value());
                if (socket.isGone()) {
                    // raced with the socket's release, which may already have walked its channels
                    channel.subscribers.remove(socket);
                    socket.channels().remove(name.value());
                    channels.retireIfEmpty(channel);
                    return unchanged(Joined.SUBSCRIBED, channel);
                }
            }
            boolean occupiedHere = added && channel.subscribers.size() == 1;
            boolean follows = occupancy.follows(channel.app);
            boolean cacheMiss = false;
            if (channel.roster != null) {
                if (occupiedHere && follows) {
                    occupancy.queue(channel, true, false, false); // occupied before the first member_added
                }
                // presence answers once the ledger has spoken; a cached event follows the answer there
                presence.joined(channel, socket, member, added, () -> queueCached(socket, name));
            } else {
                socket.enqueue(Frames.subscriptionSucceeded(name.value(), null));
                cacheMiss = name.cached() && cache.queueLastEvent(socket, name.value());
            }
            List<ClientSocket> told = new ArrayList<>();
            int count = added ? counts.changed(channel, told) : -1;
            if (follows && channel.roster == null && (occupiedHere || count >= 0)) {
                occupancy.queue(channel, occupiedHere, false, count >= 0);
            }
            return new Change(Joined.SUBSCRIBED, channel, cacheMiss, follows ? -1 : count, told, added);
        }
    }

    /** After a presence answer, with no lock held: the cached event or a cache miss. */
    private void queueCached(ClientSocket socket, ChannelName name) {
        if (name.cached() && cache.queueLastEvent(socket, name.value())) {
            activities.emit(new Activity.CacheMissed(socket.app(), name.value()));
        }
    }

    private static Change unchanged(Joined joined, Channel channel) {
        return new Change(joined, channel, false, -1, List.of(), false);
    }

    /** Removes the socket from the channel; presence channels announce the user's last socket leaving. */
    public void unsubscribe(ClientSocket socket, String name) {
        Channel channel = channels.find(socket.app(), name);
        if (channel == null) {
            return;
        }
        List<ClientSocket> told = new ArrayList<>();
        int count;
        boolean follows;
        synchronized (channel) {
            if (!channel.subscribers.remove(socket)) {
                return;
            }
            socket.channels().remove(name);
            if (channel.roster != null) {
                presence.left(channel, socket);
            }
            count = counts.changed(channel, told);
            boolean vacatedHere = channel.subscribers.isEmpty();
            follows = occupancy.follows(channel.app);
            if (follows && (vacatedHere || count >= 0)) {
                // queued before the channel leaves the table, so a new channel object for the same name
                // (another thread subscribing right after) queues its occupy behind this vacate;
                // the cluster's count is due even when this instance's last subscriber left
                occupancy.queue(channel, false, vacatedHere, count >= 0 || vacatedHere && SubscriptionCounts.counts(channel));
            }
            channels.retireIfEmpty(channel);
        }
        told.forEach(ClientSocket::flush);
        occupancy.settle(channel);
        if (!follows && count >= 0) {
            activities.emit(new Activity.SubscriptionCountChanged(socket.app(), name, count));
        }
    }

    /** Leaves every channel the socket is in (it closed). */
    public void leaveAll(ClientSocket socket) {
        for (String name : List.copyOf(socket.channels())) {
            unsubscribe(socket, name);
        }
    }
}
