package io.zintrust.socket.activity;

import io.zintrust.socket.apps.App;

import java.util.List;

/**
 * Something that happened on this instance, told by the state owner that made it happen, after the
 * state changed and outside its locks. Listeners (the cluster bridge, and later webhooks and metrics)
 * learn of everything here and nowhere else. Member, presence and watchlist records are cluster-wide
 * facts: the instance that decided them tells them, once.
 */
public sealed interface Activity {

    App app();

    /** A socket was admitted. */
    record ConnectionOpened(App app, String socketId) implements Activity {
    }

    /**
     * An admitted socket is gone; its channels and sign-in are released right after. {@code closeCode} is
     * the websocket close code (the server's own when it closed the socket; 1006 when none was seen).
     */
    record ConnectionClosed(App app, String socketId, int closeCode) implements Activity {
    }

    /** A socket's subscription was added (a repeated subscribe is not); {@code channelType} as the channel's prefix says. */
    record Subscribed(App app, String channel, String channelType) implements Activity {
    }

    /** Frames were handed to this instance's sockets: {@code frames} of them, {@code bytes} on the wire in all. */
    record Delivered(App app, int frames, long bytes) implements Activity {
    }

    /** A socket sent something refused: a malformed frame, or ({@code clientEvent}) a client event. */
    record InputRefused(App app, boolean clientEvent) implements Activity {
    }

    /** The HTTP API answered a publish ({@code /events} or {@code /batch_events}) with this status, taking this long. */
    record PublishAnswered(App app, int status, long nanos) implements Activity {
    }

    /** A webhook batch of {@code events} events was attempted to {@code url}, with this outcome (for the console's log). */
    record WebhookSent(App app, String url, int events, String outcome) implements Activity {
    }

    /** The channel's first subscriber on this instance arrived. */
    record ChannelOccupied(App app, String channel) implements Activity {
    }

    /** The channel's last subscriber on this instance left. */
    record ChannelVacated(App app, String channel) implements Activity {
    }

    /** A user's first socket anywhere joined the presence channel. */
    record MemberAdded(App app, String channel, String userId, String userInfoJson) implements Activity {
    }

    /** A user's last socket anywhere left the presence channel (or went with a dead instance). */
    record MemberRemoved(App app, String channel, String userId) implements Activity {
    }

    /**
     * A client event was accepted and delivered to the channel's other subscribers here; {@code frame} is
     * the encoded frame they got, {@code userId} the sender's presence user or null.
     */
    record ClientEventSent(App app, String channel, String event, String dataJson, String socketId, String userId,
                           String frame) implements Activity {
    }

    /** A socket subscribed to a cache channel that held no event. */
    record CacheMissed(App app, String channel) implements Activity {
    }

    /** The channel's subscribers on this instance were told its new size. */
    record SubscriptionCountChanged(App app, String channel, int subscriptionCount) implements Activity {
    }

    /** A server event was published here (HTTP API) and delivered to this instance's subscribers. */
    record EventPublished(App app, List<String> channels, String event, String data, String exceptSocketId)
            implements Activity {
    }

    /** A socket signed in as the user. */
    record UserSignedIn(App app, String socketId, String userId) implements Activity {
    }

    /** A signed-in socket closed or signed in as someone else. */
    record UserSignedOut(App app, String socketId, String userId) implements Activity {
    }

    /** With watchlists on: the user's first signed-in socket anywhere ({@code online}) or its last went away. */
    record UserPresenceChanged(App app, String userId, boolean online) implements Activity {
    }

    /** The app ended the user's sessions (terminate_connections); its sockets here were closed. */
    record UserTerminated(App app, String userId) implements Activity {
    }
}
