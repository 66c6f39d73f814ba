package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.presence.PresenceLedger;
import io.zintrust.socket.testing.RecordingListener;
import io.zintrust.socket.users.UserDirectory;
import io.zintrust.socket.users.UserFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The channel state owners wired to each other outside CDI, as the application wires them, with a
 * recording activity listener, a presence ledger the test controls and a user directory running alone.
 */
public final class ChannelFixture {

    public final RecordingListener heard = new RecordingListener();
    public final Activities activities = Activities.of(heard);
    public final Ledger ledger = new Ledger();
    public final UserFixture.Ledger online = new UserFixture.Ledger();
    public final UserDirectory users = UserFixture.directory(online, activities);
    public final Channels channels = new Channels();
    public final CacheChannels cache = new CacheChannels();
    public final PresenceChannels presence = new PresenceChannels();
    public final SubscriptionCounts counts = new SubscriptionCounts();
    public final Subscriptions subscriptions = new Subscriptions();
    public final FollowUps followUps = new FollowUps();
    public final ChannelOccupancy occupancy = new ChannelOccupancy();
    public final Fanout fanout = new Fanout();

    public ChannelFixture() {
        ledger.channels = channels;
        presence.ledger = ledger;
        presence.channels = channels;
        presence.activities = activities;
        presence.followUps = followUps;
        occupancy.ledger = ledger;
        occupancy.followUps = followUps;
        occupancy.activities = activities;
        counts.occupancy = occupancy;
        subscriptions.occupancy = occupancy;
        counts.channels = channels;
        counts.activities = activities;
        subscriptions.channels = channels;
        subscriptions.presence = presence;
        subscriptions.cache = cache;
        subscriptions.counts = counts;
        subscriptions.activities = activities;
        fanout.channels = channels;
        fanout.cache = cache;
        fanout.users = users;
        fanout.activities = activities;
    }

    public Subscriptions.Joined subscribe(ClientSocket socket, String channel) {
        return subscriptions.subscribe(socket, ChannelName.parse(channel), null);
    }

    public Subscriptions.Joined join(ClientSocket socket, String channel, Member member) {
        return subscriptions.subscribe(socket, ChannelName.parse(channel), member);
    }

    public void publish(App app, String channel, String event, String data) {
        fanout.publish(app, List.of(channel), event, data, null);
    }

    /**
     * A presence ledger that answers as running alone unless told otherwise. It notes every call, and
     * whether the calling thread held the monitor of any channel then: of those in the table, and of
     * those the test asked it to watch (a channel leaves the table as its last subscriber goes).
     */
    public static final class Ledger implements PresenceLedger, OccupancyLedger {
        Channels channels;
        public volatile boolean firstAnywhere = true;
        public volatile boolean lastAnywhere = true;
        /** Whether occupancy is followed; subscribers the other instances have (the ledger adds this one's). */
        public volatile boolean followsOccupancy = true;
        public volatile int elsewhere;
        /** The cluster-wide roster to report; null for none (running alone). */
        public volatile Map<String, String> members;
        public final List<String> calls = new CopyOnWriteArrayList<>();
        public final List<String> callsUnderAChannelLock = new CopyOnWriteArrayList<>();
        final List<Object> watched = new CopyOnWriteArrayList<>();

        @Override
        public boolean joined(String appId, String channel, Member member) {
            note("joined " + channel + " " + member.userId());
            return firstAnywhere;
        }

        @Override
        public boolean left(String appId, String channel, String userId) {
            note("left " + channel + " " + userId);
            return lastAnywhere;
        }

        @Override
        public Optional<Map<String, String>> members(String appId, String channel) {
            note("members " + channel);
            return Optional.ofNullable(members);
        }

        @Override
        public boolean follows(App app) {
            return followsOccupancy;
        }

        @Override
        public Occupancy changed(String appId, String channel, int here) {
            note("occupancy " + channel + " " + here);
            return new Occupancy(elsewhere == 0, elsewhere == 0 && here == 0,
                    elsewhere + here);
        }

        void watch(Object channel) {
            watched.add(channel);
        }

        private void note(String call) {
            calls.add(call);
            List<Object> monitors = new ArrayList<>(watched);
            if (channels != null) {
                monitors.addAll(channels.all());
            }
            for (Object monitor : monitors) {
                if (Thread.holdsLock(monitor)) {
                    callsUnderAChannelLock.add(call);
                    return;
                }
            }
        }
    }
}
