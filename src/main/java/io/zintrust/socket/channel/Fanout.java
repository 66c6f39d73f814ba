package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.OutboundFrame;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Delivers events to this instance's subscribers: server events from the HTTP API, client events, and
 * frames other instances pass on. Each frame is encoded once and shared by its recipients; every
 * recipient gets it queued before any is written, so a socket still busy with an earlier frame takes
 * both in one write.
 */
@ApplicationScoped
public class Fanout {

    @Inject
    Channels channels;
    @Inject
    CacheChannels cache;
    @Inject
    UserDirectory users;
    @Inject
    Activities activities;

    /**
     * A server event for each channel but the socket {@code exceptSocketId}: to its subscribers, or for
     * {@code #server-to-user-{id}} to every socket signed in as that user. Cache channels keep it.
     */
    public void publish(App app, List<String> channelNames, String event, String data, String exceptSocketId) {
        // one channel's recipients are distinct: a list, no hashing on the fan-out path
        List<ClientSocket> queued = new ArrayList<>();
        int frames = 0;
        long bytes = 0;
        for (String name : channelNames) {
            queued.clear();
            int wire = queuePublished(app, name, event, data, exceptSocketId, queued);
            frames += queued.size();
            bytes += (long) wire * queued.size();
            flush(queued);
        }
        activities.emit(new Activity.EventPublished(app, channelNames, event, data, exceptSocketId));
        if (frames > 0) {
            activities.emit(new Activity.Delivered(app, frames, bytes));
        }
    }

    /**
     * Queues a server event for one channel's recipients here, adding them to {@code queued} for
     * {@link #flush}; answers the frame's size on the wire (0 when the channel has no one here).
     */
    public int queuePublished(App app, String name, String event, String data, String exceptSocketId,
                              Collection<ClientSocket> queued) {
        String text = Frames.event(event, name, data);
        ChannelName parsed = ChannelName.parse(name, Integer.MAX_VALUE);
        if (parsed.cached()) {
            cache.store(app, name, event, data, text);
        }
        Iterable<ClientSocket> recipients;
        if (parsed.isServerToUser()) {
            recipients = users.socketsOf(app, parsed.serverToUserId());
        } else {
            Channel channel = channels.find(app, name);
            if (channel == null) {
                return 0;
            }
            recipients = channel.subscribers;
        }
        OutboundFrame frame = OutboundFrame.of(text);
        for (ClientSocket recipient : recipients) {
            if (exceptSocketId == null || !exceptSocketId.equals(recipient.socketId())) {
                recipient.enqueue(frame);
                queued.add(recipient);
            }
        }
        return frame.wire().length;
    }

    /** A client event from {@code sender}: to the channel's other subscribers, with the sender's presence user id. */
    public void relay(ClientSocket sender, String channel, String event, String dataJson) {
        String userId = sender.presenceIds().get(channel);
        String frame = Frames.clientEvent(event, channel, dataJson, userId);
        List<ClientSocket> queued = new ArrayList<>();
        int wire = queueFrame(sender.app(), channel, frame, sender, queued);
        flush(queued);
        activities.emit(new Activity.ClientEventSent(sender.app(), channel, event, dataJson, sender.socketId(), userId,
                frame));
        if (!queued.isEmpty()) {
            activities.emit(new Activity.Delivered(sender.app(), queued.size(), (long) wire * queued.size()));
        }
    }

    /**
     * Queues an encoded frame for every subscriber of the channel here but {@code sender} (null: all),
     * adding them to {@code queued} for {@link #flush}; answers the frame's size on the wire (0: no channel).
     */
    public int queueFrame(App app, String name, String text, ClientSocket sender, Collection<ClientSocket> queued) {
        Channel channel = channels.find(app, name);
        if (channel == null) {
            return 0;
        }
        OutboundFrame frame = OutboundFrame.of(text);
        for (ClientSocket subscriber : channel.subscribers) {
            if (subscriber != sender) {
                subscriber.enqueue(frame);
                queued.add(subscriber);
            }
        }
        return frame.wire().length;
    }

    /** Writes what was queued for these sockets, outside every lock. */
    public void flush(Collection<ClientSocket> queued) {
        queued.forEach(ClientSocket::flush);
    }
}
