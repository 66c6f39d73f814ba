package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.connection.Connection;
import io.zintrust.socket.connection.OutboundFrame;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.presence.PresenceLedger;
import io.zintrust.socket.presence.PresenceRoster;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The single owner of connection and channel state on this node: who is connected, who is subscribed
 * where, who is present, what each cache channel holds. Protocol handlers and HTTP resources ask it to
 * change state; it sends the frames those changes imply. Frames implied by a change are queued under
 * the channel's lock and handed to the container after it; publishing encodes each frame once and
 * only queues it on each socket.
 */
@ApplicationScoped
public class ChannelRegistry {

    /** What became of a subscription request. */
    public enum Joined { SUBSCRIBED, PRESENCE_FULL, TOO_MANY_CHANNELS }

    /** What became of a new socket. */
    public enum Admission { ADMITTED, ID_TAKEN, APP_FULL, SERVER_FULL }

    /** Channels one socket may be subscribed to at once; bounds what one client can make the server hold. */
    public static final int MAX_CHANNELS_PER_SOCKET = 1000;

    @Inject
    UserDirectory users;
    @Inject
    PresenceLedger ledger;

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> connectionsPerApp = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Map<ChannelKey, Channel> channels = new ConcurrentHashMap<>();
    private final Map<ChannelKey, CachedEvent> cache = new ConcurrentHashMap<>();

    /**
     * Registers a new socket unless its app ({@code appQuota}) or this server ({@code serverQuota}) is
     * full (-1: no limit). Counting first and undoing on refusal keeps concurrent handshakes from
     * slipping past a quota together.
     */
    public Admission admit(Connection connection, int appQuota, int serverQuota) {
        AtomicInteger perApp = connectionsPerApp.computeIfAbsent(connection.app().id(), id -> new AtomicInteger());
        if (perApp.incrementAndGet() > appQuota && appQuota >= 0) {
            perApp.decrementAndGet();
            return Admission.APP_FULL;
        }
        if (total.incrementAndGet() > serverQuota && serverQuota >= 0) {
            total.decrementAndGet();
            perApp.decrementAndGet();
            return Admission.SERVER_FULL;
        }
        if (connections.putIfAbsent(connection.socketId(), connection) != null) {
            total.decrementAndGet();
            perApp.decrementAndGet();
            return Admission.ID_TAKEN;
        }
        return Admission.ADMITTED;
    }

    /** Sockets held per app id on this instance. */
    public Map<String, Integer> connectionsByApp() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        connectionsPerApp.forEach((appId, count) -> counts.put(appId, count.get()));
        return counts;
    }

    public Collection<Connection> connections() {
        return connections.values();
    }


    /**
     * Adds the socket to the channel and sends it {@code subscription_succeeded} (then, on a cache
     * channel, the cached event or {@code pusher:cache_miss}); on presence channels the other
     * subscribers get {@code member_added} when this is the user's first socket. Subscribing again is
     * answered again but never adds a second delivery.
     */
    public Joined subscribe(Connection connection, ChannelName name, Member member) {
        List<Connection> told = new ArrayList<>();
        Optional<Joined> joined;
        do {
            joined = join(connection, name, member, told);
        } while (joined.isEmpty());
        flush(connection, told);
        return joined.get();
    }

    /** The locked part of subscribe; empty when the channel found was retired meanwhile. */
    private Optional<Joined> join(Connection connection, ChannelName name, Member member, List<Connection> told) {
        App app = connection.app();
        Channel channel = channels.computeIfAbsent(new ChannelKey(app.id(), name.value()),
                key -> new Channel(key.appId(), name));
        synchronized (channel) {
            if (channel.retired) {
                return Optional.empty();
            }
            Map<String, String> everywhere = channel.roster == null ? null
                    : ledger.members(app.id(), name.value()).orElseGet(channel.roster::asMap);
            if (everywhere != null && !channel.subscribers.contains(connection)
                    && !everywhere.containsKey(member.userId())
                    && everywhere.size() >= app.limits().maxPresenceMembers()) {
                retireIfEmpty(channel);
                return Optional.of(Joined.PRESENCE_FULL);
            }
            if (!channel.subscribers.contains(connection)
                    && connection.channels().size() >= MAX_CHANNELS_PER_SOCKET) {
                retireIfEmpty(channel);
                return Optional.of(Joined.TOO_MANY_CHANNELS);
            }
            boolean added = channel.subscribers.add(connection);
            if (added) {
                connection.channels().add(name.value());
                if (connection.isGone()) {
                    // raced with disconnect(), which may already have walked this socket's channels
                    channel.subscribers.remove(connection);
                    connection.channels().remove(name.value());
                    retireIfEmpty(channel);
                    return Optional.of(Joined.SUBSCRIBED);
                }
            }
            String presence = null;
            if (channel.roster != null) {
                if (added) {
                    connection.joinedAs(name.value(), member.userId());
                    if (channel.roster.join(member) && ledger.joined(app.id(), name.value(), member)) {
                        String memberAdded = Frames.memberAdded(name.value(), member.userId(), member.userInfoJson());
                        tellOthers(channel, connection, memberAdded, told);
                        ledger.announce(app.id(), name.value(), memberAdded);
                    }
                }
                presence = PresenceRoster.toJson(ledger.members(app.id(), name.value())
                        .orElseGet(channel.roster::asMap));
            }
            connection.enqueue(Frames.subscriptionSucceeded(name.value(), presence));
            if (name.cached()) {
                CachedEvent cached = cached(app, name.value()).orElse(null);
                connection.enqueue(cached != null ? cached.frame() : Frames.cacheMiss(name.value()));
            }
            if (added) {
                countChanged(channel, app, told);
            }
            return Optional.of(Joined.SUBSCRIBED);
        }
    }

    public boolean isSubscribed(Connection connection, String channel) {
        return connection.channels().contains(channel);
    }

    /** Removes the socket from the channel; presence channels announce the user's last socket leaving. */
    public void unsubscribe(Connection connection, String name) {
        ChannelKey key = new ChannelKey(connection.app().id(), name);
        Channel channel = channels.get(key);
        if (channel == null) {
            return;
        }
        List<Connection> told = new ArrayList<>();
        synchronized (channel) {
            if (!channel.subscribers.remove(connection)) {
                return;
            }
            connection.channels().remove(name);
            if (channel.roster != null) {
                String userId = connection.leftPresence(name);
                if (userId != null && channel.roster.leave(userId) && ledger.left(channel.appId, name, userId)) {
                    String memberRemoved = Frames.memberRemoved(name, userId);
                    tellOthers(channel, connection, memberRemoved, told);
                    ledger.announce(channel.appId, name, memberRemoved);
                }
            }
            countChanged(channel, connection.app(), told);
            retireIfEmpty(channel);
        }
        flush(null, told);
    }

    private void retireIfEmpty(Channel channel) {
        if (channel.subscribers.isEmpty()) {
            channel.retired = true;
            channels.remove(new ChannelKey(channel.appId, channel.name.value()), channel);
        }
    }

    /** Forgets a closed socket: leaves every channel it was in and signs its user out. */
    public void disconnect(Connection connection) {
        connection.markGone();
        if (!connections.remove(connection.socketId(), connection)) {
            return;
        }
        connectionsPerApp.get(connection.app().id()).decrementAndGet();
        total.decrementAndGet();
        for (String name : List.copyOf(connection.channels())) {
            unsubscribe(connection, name);
        }
        users.signOut(connection);
    }

    /**
     * Delivers a server event to each channel except to {@code exceptSocketId}: to its subscribers, or
     * for {@code #server-to-user-{id}} to every socket signed in as that user. Each channel's frame is
     * encoded once and shared by its recipients; cache channels keep it as their last event.
     */
    public void publish(App app, List<String> channelNames, String event, String data, String exceptSocketId) {
        // one channel's recipients are distinct: a list, no hashing on the fan-out path
        List<Connection> queued = new ArrayList<>();
        for (String name : channelNames) {
            queued.clear();
            publishQueued(app, name, event, data, exceptSocketId, queued);
            flush(null, queued);
        }
    }

    /**
     * Queues a server event for one channel's recipients without writing, adding them to {@code queued};
     * the caller flushes them, after queuing more events if it has them (several events then leave each
     * socket in one write).
     */
    public void publishQueued(App app, String name, String event, String data, String exceptSocketId,
                              Collection<Connection> queued) {
        String text = Frames.event(event, name, data);
        OutboundFrame frame = OutboundFrame.of(text);
        ChannelName parsed = ChannelName.parse(name, Integer.MAX_VALUE);
        if (parsed.cached()) {
            cache.put(new ChannelKey(app.id(), name), new CachedEvent(event, data, text,
                    System.currentTimeMillis() + app.limits().cacheTtlSeconds() * 1000L));
        }
        Iterable<Connection> recipients;
        if (parsed.isServerToUser()) {
            recipients = users.socketsOf(app, parsed.serverToUserId());
        } else {
            Channel channel = channels.get(new ChannelKey(app.id(), name));
            if (channel == null) {
                return;
            }
            recipients = channel.subscribers;
        }
        for (Connection recipient : recipients) {
            if (exceptSocketId == null || !exceptSocketId.equals(recipient.socketId())) {
                recipient.enqueue(frame);
                queued.add(recipient);
            }
        }
    }

    /** Sends an already encoded frame to every other subscriber of the sender's channel. */
    public void relay(Connection sender, String name, String text) {
        List<Connection> queued = new ArrayList<>();
        relayQueued(sender.app(), name, text, sender, queued);
        flush(null, queued);
    }

    /**
     * Queues a frame for every subscriber of the channel but {@code sender} (null: everyone here, for
     * frames from another instance), adding them to {@code queued} for the caller to flush.
     */
    public void relayQueued(App app, String name, String text, Connection sender, Collection<Connection> queued) {
        Channel channel = channels.get(new ChannelKey(app.id(), name));
        if (channel == null) {
            return;
        }
        OutboundFrame frame = OutboundFrame.of(text);
        for (Connection subscriber : channel.subscribers) {
            if (subscriber != sender) {
                subscriber.enqueue(frame);
                queued.add(subscriber);
            }
        }
    }

    /** Writes what was queued for these sockets (see {@link #publishQueued}), outside every lock. */
    public void flushQueued(Collection<Connection> queued) {
        queued.forEach(Connection::flush);
    }

    /** The last event of a cache channel, while it has not expired. */
    public Optional<CachedEvent> cached(App app, String name) {
        ChannelKey key = new ChannelKey(app.id(), name);
        CachedEvent cached = cache.get(key);
        if (cached == null) {
            return Optional.empty();
        }
        if (cached.expiresAtMillis() <= System.currentTimeMillis()) {
            cache.remove(key, cached);
            return Optional.empty();
        }
        return Optional.of(cached);
    }

    public ChannelStats stats(App app, String name) {
        Channel channel = channels.get(new ChannelKey(app.id(), name));
        return channel == null ? new ChannelStats(name, 0, ChannelName.parse(name, Integer.MAX_VALUE).isPresence() ? 0 : -1)
                : stats(channel);
    }

    /** Occupied channels of the app whose names start with {@code prefix}, sorted by name. */
    public List<ChannelStats> occupied(App app, String prefix) {
        List<ChannelStats> found = new ArrayList<>();
        for (Channel channel : channels.values()) {
            if (channel.appId.equals(app.id()) && channel.name.value().startsWith(prefix)) {
                ChannelStats stats = stats(channel);
                if (stats.occupied()) {
                    found.add(stats);
                }
            }
        }
        found.sort(Comparator.comparing(ChannelStats::name));
        return found;
    }

    /** The user ids present in a presence channel, on every instance. */
    public List<String> presentUsers(App app, String name) {
        Optional<Map<String, String>> everywhere = ledger.members(app.id(), name);
        if (everywhere.isPresent()) {
            return new ArrayList<>(everywhere.get().keySet());
        }
        Channel channel = channels.get(new ChannelKey(app.id(), name));
        if (channel == null || channel.roster == null) {
            return List.of();
        }
        synchronized (channel) {
            return channel.roster.userIds();
        }
    }

    private static ChannelStats stats(Channel channel) {
        synchronized (channel) {
            return new ChannelStats(channel.name.value(), channel.subscribers.size(),
                    channel.roster == null ? -1 : channel.roster.userCount());
        }
    }

    /**
     * With the app's opt-in, tells every subscriber of a non-presence channel its new size. Channels
     * over {@value #COUNT_THROTTLE_ABOVE} subscribers hear it at most every 5 s, as at Pusher, so a
     * burst of joins cannot flood (and overflow) every socket; {@link #sendPendingCounts()} catches up.
     */
    private static void countChanged(Channel channel, App app, List<Connection> told) {
        if (channel.roster != null || !app.features().subscriptionCount() || channel.subscribers.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (channel.subscribers.size() > COUNT_THROTTLE_ABOVE && now - channel.countSentNanos < COUNT_THROTTLE_NANOS) {
            channel.countPending = true;
            return;
        }
        channel.countSentNanos = now;
        channel.countPending = false;
        OutboundFrame frame = OutboundFrame.of(Frames.subscriptionCount(channel.name.value(), channel.subscribers.size()));
        for (Connection subscriber : channel.subscribers) {
            subscriber.enqueue(frame);
            told.add(subscriber);
        }
    }

    private static final int COUNT_THROTTLE_ABOVE = 100;
    private static final long COUNT_THROTTLE_NANOS = 5_000_000_000L;

    /** Periodic housekeeping: throttled subscription counts that are due, and expired cache entries. */
    public void housekeeping() {
        long nowMillis = System.currentTimeMillis();
        cache.entrySet().removeIf(entry -> entry.getValue().expiresAtMillis() <= nowMillis);
        for (Channel channel : channels.values()) {
            if (!channel.countPending) {
                continue;
            }
            List<Connection> told = new ArrayList<>();
            synchronized (channel) {
                App app = appOf(channel);
                if (app != null && channel.countPending
                        && System.nanoTime() - channel.countSentNanos >= COUNT_THROTTLE_NANOS) {
                    channel.countSentNanos = 0;
                    countChanged(channel, app, told);
                }
            }
            flush(null, told);
        }
    }

    private App appOf(Channel channel) {
        for (Connection subscriber : channel.subscribers) {
            return subscriber.app();
        }
        return null;
    }

    /** Queues a frame for every other subscriber (under the channel lock) and notes whom to flush. */
    private static void tellOthers(Channel channel, Connection sender, String text, List<Connection> told) {
        OutboundFrame frame = OutboundFrame.of(text);
        for (Connection subscriber : channel.subscribers) {
            if (subscriber != sender) {
                subscriber.enqueue(frame);
                told.add(subscriber);
            }
        }
    }

    /**
     * Hands queued frames to the container, outside every channel lock. Publishing queues a frame for
     * every recipient before writing to any: a socket still being written for an earlier publish then
     * takes both frames in one write, which is what keeps concurrent publishes cheap.
     */
    private static void flush(Connection connection, Collection<Connection> told) {
        if (connection != null) {
            connection.flush();
        }
        told.forEach(Connection::flush);
    }
}
