package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.connection.Connection;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single owner of connection and channel state on this node: who is connected, who is subscribed
 * where, who is present. Protocol handlers and HTTP resources ask it to change state; it sends the
 * frames those changes imply. Publishing encodes each frame once and only queues it on each socket.
 */
@ApplicationScoped
public class ChannelRegistry {

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<ChannelKey, Channel> channels = new ConcurrentHashMap<>();

    /** False when the socket id is already taken, so the caller draws another. */
    public boolean register(Connection connection) {
        return connections.putIfAbsent(connection.socketId(), connection) == null;
    }

    public Collection<Connection> connections() {
        return connections.values();
    }

    /**
     * Adds the socket to the channel and sends it {@code subscription_succeeded}; on presence channels
     * the other subscribers get {@code member_added} when this is the user's first socket. Subscribing
     * again is answered again but never adds a second delivery.
     */
    public void subscribe(Connection connection, ChannelName name, Member member) {
        List<Connection> told = new ArrayList<>();
        while (!join(connection, name, member, told)) {
            // the channel emptied and retired meanwhile: join its successor
        }
        flush(connection, told);
    }

    /** The locked part of subscribe; false when the channel found was retired. */
    private boolean join(Connection connection, ChannelName name, Member member, List<Connection> told) {
        Channel channel = channels.computeIfAbsent(new ChannelKey(connection.app().id(), name.value()),
                key -> new Channel(key.appId(), name));
        synchronized (channel) {
            if (channel.retired) {
                return false;
            }
            boolean added = channel.subscribers.add(connection);
            if (added) {
                connection.channels().add(name.value());
                if (connection.isGone()) {
                    // raced with disconnect(), which may already have walked this socket's channels
                    channel.subscribers.remove(connection);
                    connection.channels().remove(name.value());
                    retireIfEmpty(channel);
                    return true;
                }
            }
            if (channel.roster == null) {
                connection.enqueue(Frames.subscriptionSucceeded(name.value(), null));
                return true;
            }
            if (added) {
                connection.joinedAs(name.value(), member.userId());
                if (channel.roster.join(member)) {
                    tellOthers(channel, connection,
                            Frames.memberAdded(name.value(), member.userId(), member.userInfoJson()), told);
                }
            }
            connection.enqueue(Frames.subscriptionSucceeded(name.value(), channel.roster.toJson()));
            return true;
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
                if (userId != null && channel.roster.leave(userId)) {
                    tellOthers(channel, connection, Frames.memberRemoved(name, userId), told);
                }
            }
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

    /** Forgets a closed socket and leaves every channel it was in. */
    public void disconnect(Connection connection) {
        connection.markGone();
        if (!connections.remove(connection.socketId(), connection)) {
            return;
        }
        for (String name : List.copyOf(connection.channels())) {
            unsubscribe(connection, name);
        }
    }

    /**
     * Delivers a server event to every subscriber of each channel except {@code exceptSocketId}.
     * Each channel's frame is encoded once and shared by its recipients.
     */
    public void publish(App app, List<String> channelNames, String event, String data, String exceptSocketId) {
        for (String name : channelNames) {
            Channel channel = channels.get(new ChannelKey(app.id(), name));
            if (channel == null) {
                continue;
            }
            String frame = Frames.event(event, name, data);
            for (Connection subscriber : channel.subscribers) {
                if (exceptSocketId == null || !exceptSocketId.equals(subscriber.socketId())) {
                    subscriber.send(frame);
                }
            }
        }
    }

    /** Sends an already encoded frame to every other subscriber of the sender's channel. */
    public void relay(Connection sender, String name, String frame) {
        Channel channel = channels.get(new ChannelKey(sender.app().id(), name));
        if (channel == null) {
            return;
        }
        for (Connection subscriber : channel.subscribers) {
            if (subscriber != sender) {
                subscriber.send(frame);
            }
        }
    }

    public ChannelStats stats(App app, String name) {
        Channel channel = channels.get(new ChannelKey(app.id(), name));
        if (channel == null) {
            return ChannelStats.EMPTY;
        }
        synchronized (channel) {
            return new ChannelStats(channel.subscribers.size(),
                    channel.roster == null ? -1 : channel.roster.userCount());
        }
    }

    /** Queues a frame for every other subscriber (under the channel lock) and notes whom to flush. */
    private static void tellOthers(Channel channel, Connection sender, String frame, List<Connection> told) {
        for (Connection subscriber : channel.subscribers) {
            if (subscriber != sender) {
                subscriber.enqueue(frame);
                told.add(subscriber);
            }
        }
    }

    /** Hands queued frames to the container, outside every channel lock. */
    private static void flush(Connection connection, List<Connection> told) {
        if (connection != null) {
            connection.flush();
        }
        told.forEach(Connection::flush);
    }
}
