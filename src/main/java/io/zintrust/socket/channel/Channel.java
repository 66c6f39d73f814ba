package io.zintrust.socket.channel;

import io.zintrust.socket.connection.Connection;
import io.zintrust.socket.presence.PresenceRoster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subscribers of one channel of one app. Membership changes happen under the channel's monitor;
 * fan-out reads the concurrent set without locking.
 */
final class Channel {

    final String appId;
    final ChannelName name;
    final Set<Connection> subscribers = ConcurrentHashMap.newKeySet();
    final PresenceRoster roster;
    /** Set once the channel emptied and left the registry; a subscriber that raced with that retries. */
    boolean retired;
    /** When subscribers last heard the subscription count, and whether a newer one is owed. */
    long countSentNanos;
    boolean countPending;

    Channel(String appId, ChannelName name) {
        this.appId = appId;
        this.name = name;
        this.roster = name.isPresence() ? new PresenceRoster() : null;
    }
}
