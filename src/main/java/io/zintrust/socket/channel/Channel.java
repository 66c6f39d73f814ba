package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.presence.PresenceRoster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscribers of one channel of one app. Membership changes happen under the channel's monitor;
 * fan-out reads the concurrent set without locking.
 */
final class Channel {

    final App app;
    final ChannelName name;
    final ChannelKey key;
    final Set<ClientSocket> subscribers = ConcurrentHashMap.newKeySet();
    /** Presence channels only: the users of this instance's subscribers. */
    final PresenceRoster roster;
    /** Set once the channel emptied and left the table; a subscriber that raced with that retries. */
    boolean retired;
    /** When subscribers last heard the subscription count, and whether a newer one is owed. */
    long countSentNanos;
    boolean countPending;

    Channel(App app, ChannelName name) {
        this.app = app;
        this.name = name;
        this.key = new ChannelKey(app.id(), name.value());
        this.roster = name.isPresence() ? new PresenceRoster() : null;
    }

    /** Every subscriber but {@code sender} (null: all), as a list to queue frames for after the lock. */
    List<ClientSocket> othersThan(ClientSocket sender) {
        List<ClientSocket> others = new ArrayList<>(subscribers.size());
        for (ClientSocket subscriber : subscribers) {
            if (subscriber != sender) {
                others.add(subscriber);
            }
        }
        return others;
    }
}
