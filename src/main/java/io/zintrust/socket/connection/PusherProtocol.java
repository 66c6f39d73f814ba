package io.zintrust.socket.connection;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.ChannelRegistry;
import io.zintrust.socket.channel.ChannelType;
import io.zintrust.socket.cluster.ClusterBus;
import io.zintrust.socket.channel.InvalidChannelException;
import io.zintrust.socket.presence.InvalidMemberException;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.protocol.ProtocolException;
import io.zintrust.socket.signature.ChannelSignature;
import io.zintrust.socket.users.SignedInUser;
import io.zintrust.socket.users.UserDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Speaks the Pusher websocket protocol for every socket: admits connections, decodes frames and turns
 * them into registry calls. Every refusal is answered with a {@code pusher:error} or a channel-scoped
 * {@code pusher:subscription_error}; nothing a client sends can throw into the container.
 */
@ApplicationScoped
public class PusherProtocol {

    private static final System.Logger LOG = System.getLogger(PusherProtocol.class.getName());
    private static final int MIN_PROTOCOL = 5;
    private static final int MAX_PROTOCOL = 7;

    @Inject
    SocketSettings settings;
    @Inject
    Apps apps;
    @Inject
    ChannelRegistry registry;
    @Inject
    UserDirectory users;
    @Inject
    ClusterBus cluster;
    @Inject
    BadInput badInput;

    @Resource
    ManagedExecutorService executor;

    /**
     * Returns the admitted connection, or empty after closing a socket that may not connect. The
     * caller attaches its handlers, then calls {@link #welcome}: a client answers
     * connection_established at once, and its frames must find the handlers in place.
     */
    public Optional<Connection> open(Session session, String appKey, String protocol) {
        Optional<App> app = apps.byKey(appKey);
        if (app.isEmpty()) {
            return refuse(session, ErrorCode.APP_NOT_FOUND, "Application does not exist: unknown app key " + appKey);
        }
        if (!app.get().enabled()) {
            return refuse(session, ErrorCode.APP_DISABLED, "Application disabled: app " + app.get().id() + " is disabled");
        }
        if (protocol != null) {
            int version;
            try {
                version = Integer.parseInt(protocol);
            } catch (NumberFormatException e) {
                return refuse(session, ErrorCode.INVALID_VERSION_FORMAT,
                        "Invalid version string format: protocol must be a number");
            }
            if (version < MIN_PROTOCOL || version > MAX_PROTOCOL) {
                return refuse(session, ErrorCode.UNSUPPORTED_PROTOCOL, "Unsupported protocol version " + version
                        + ": this server speaks " + MIN_PROTOCOL + " to " + MAX_PROTOCOL);
            }
        }
        int appQuota = app.get().limits().maxConnections();
        FrameSink sink = FrameSink.of(session, settings.directWrites());
        while (true) {
            Connection connection = new Connection(SocketIds.next(), app.get(), session, sink,
                    settings.outboundQueueLimit(), executor);
            // the app's limit counts the sockets of every instance (the others' as of the last heartbeat)
            int quotaHere = appQuota < 0 ? appQuota : Math.max(0, appQuota - cluster.connectionsElsewhere(app.get().id()));
            switch (registry.admit(connection, quotaHere, settings.maxConnections())) {
                case ADMITTED -> {
                    // a frame may hold an event of the app's largest size, JSON-escaped, and its envelope
                    session.setMaxTextMessageBufferSize(Math.max(64 * 1024, 2 * app.get().limits().maxEventBytes()));
                    return Optional.of(connection);
                }
                case APP_FULL -> {
                    return refuse(session, ErrorCode.OVER_QUOTA, "Application over connection quota: at most "
                            + appQuota + " connections");
                }
                case SERVER_FULL -> {
                    return refuse(session, ErrorCode.OVER_CAPACITY, "Over capacity: this server holds at most "
                            + settings.maxConnections() + " connections (SOCKET_MAX_CONNECTIONS); retry later");
                }
                case ID_TAKEN -> {
                    // draw another id
                }
            }
        }
    }

    public void welcome(Connection connection) {
        connection.send(Frames.connectionEstablished(connection.socketId(), settings.activityTimeout()));
    }

    private Optional<Connection> refuse(Session session, ErrorCode code, String message) {
        try {
            session.getBasicRemote().sendText(Frames.error(code, message));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), code.name()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Refused socket went away first: " + e);
        }
        return Optional.empty();
    }

    public void onText(Connection connection, String text) {
        connection.seen();
        try {
            dispatch(connection, InboundFrame.parse(text));
        } catch (ProtocolException e) {
            badInput.record(e.code() == ErrorCode.CLIENT_EVENT_REJECTED ? BadInput.Kind.REJECTED_CLIENT_EVENT
                    : BadInput.Kind.MALFORMED_FRAME, connection.socketId(), e.getMessage());
            connection.send(Frames.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected failure handling a frame of socket " + connection.socketId(), e);
            connection.send(Frames.error(ErrorCode.BAD_MESSAGE, "Internal error while handling the frame"));
        }
    }

    public void onBinary(Connection connection) {
        connection.seen();
        badInput.record(BadInput.Kind.MALFORMED_FRAME, connection.socketId(), "a binary frame");
        connection.send(Frames.error(ErrorCode.BAD_MESSAGE,
                "Binary frames are not supported: send JSON text frames"));
    }

    /**
     * An error the container reports for a socket: what the client sent (a message over the buffer, a
     * protocol violation) is bad input, counted in one DEBUG line; transport errors end in onClose; the
     * rest is a fault worth a WARNING with its stack trace.
     */
    public void onError(Session session, Throwable error) {
        BadInput.Kind kind = BadInput.kindOf(error);
        if (kind != null) {
            badInput.record(kind, session.getId(), error.toString());
        } else if (!(error instanceof IOException)) {
            LOG.log(Level.WARNING, "Websocket error on session " + session.getId(), error);
        }
    }

    /**
     * Releases the socket's channels on the container's executor: onClose can arrive inside a failing
     * write, with the container's locks held, and leaving channels writes to other sockets.
     */
    public void onClose(Connection connection) {
        connection.markGone();
        executor.execute(() -> registry.disconnect(connection));
    }

    private void dispatch(Connection connection, InboundFrame frame) {
        String event = frame.event();
        switch (event) {
            case "pusher:ping" -> connection.send(Frames.PONG);
            case "pusher:pong" -> {
                // seen() already cleared the outstanding server ping
            }
            case "pusher:subscribe" -> subscribe(connection, frame);
            case "pusher:unsubscribe" -> unsubscribe(connection, frame);
            case "pusher:signin" -> signin(connection, frame);
            default -> {
                if (event.startsWith("client-")) {
                    clientEvent(connection, frame);
                } else {
                    throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Unsupported event: " + event);
                }
            }
        }
    }

    private void subscribe(Connection connection, InboundFrame frame) {
        JsonObject data = frame.dataObject();
        String channel = InboundFrame.text(data, "channel", frame.event());
        if (channel == null) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Invalid pusher:subscribe: 'channel' is required");
        }
        String auth = InboundFrame.text(data, "auth", frame.event());
        String channelData = InboundFrame.text(data, "channel_data", frame.event());
        App app = connection.app();
        ChannelName name;
        try {
            name = ChannelName.parse(channel, app.limits().maxChannelNameLength());
        } catch (InvalidChannelException e) {
            connection.send(Frames.subscriptionError(channel, "InvalidChannel", e.getMessage(), 400));
            return;
        }
        if (name.isServerToUser() && (connection.user() == null
                || !connection.user().id().equals(name.serverToUserId()))) {
            connection.send(Frames.subscriptionError(channel, "AuthError",
                    "Only a connection signed in as this user may subscribe to " + channel, 403));
            return;
        }
        Member member = null;
        if (name.type().signed()) {
            String payload = ChannelSignature.subscriptionPayload(connection.socketId(), channel,
                    name.isPresence() ? channelData : null);
            if (!ChannelSignature.verify(connection.app(), auth, payload)) {
                connection.send(Frames.subscriptionError(channel, "AuthError",
                        "Invalid signature: expected HMAC SHA256 hex digest of " + payload + " signed with the app secret, as APP_KEY:HEX", 401));
                return;
            }
        }
        if (name.isPresence()) {
            try {
                member = channelData == null && connection.user() != null
                        ? Member.ofSignedInUser(connection.user().id(), connection.user().userData())
                        : Member.fromChannelData(channelData);
            } catch (InvalidMemberException e) {
                connection.send(Frames.subscriptionError(channel, "InvalidChannelData", e.getMessage(), 400));
                return;
            }
            int infoBytes = member.userInfoJson().getBytes(StandardCharsets.UTF_8).length;
            if (infoBytes > app.limits().maxPresenceUserInfoBytes()) {
                connection.send(Frames.subscriptionError(channel, "LimitReached", "user_info is " + infoBytes
                        + " bytes; at most " + app.limits().maxPresenceUserInfoBytes() + " are allowed", 4100));
                return;
            }
        }
        switch (registry.subscribe(connection, name, member)) {
            case PRESENCE_FULL -> connection.send(Frames.subscriptionError(channel, "LimitReached", "Presence channel "
                    + channel + " is full: at most " + app.limits().maxPresenceMembers() + " members", 4100));
            case TOO_MANY_CHANNELS -> connection.send(Frames.subscriptionError(channel, "LimitReached",
                    "A socket may be subscribed to at most " + ChannelRegistry.MAX_CHANNELS_PER_SOCKET + " channels", 4100));
            case SUBSCRIBED -> {
                // subscription_succeeded is on its way
            }
        }
    }

    private void unsubscribe(Connection connection, InboundFrame frame) {
        String channel = InboundFrame.text(frame.dataObject(), "channel", frame.event());
        if (channel == null) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Invalid pusher:unsubscribe: 'channel' is required");
        }
        registry.unsubscribe(connection, channel);
    }

    /**
     * {@code pusher:signin}: the app's signature over {@code socket_id::user::user_data}; success is
     * answered with {@code pusher:signin_success}, failure closes the socket with 4009.
     */
    private void signin(Connection connection, InboundFrame frame) {
        JsonObject data = frame.dataObject();
        String auth = InboundFrame.text(data, "auth", frame.event());
        String userData = InboundFrame.text(data, "user_data", frame.event());
        if (userData == null || !ChannelSignature.verify(connection.app(), auth,
                ChannelSignature.signinPayload(connection.socketId(), userData))) {
            connection.closeWith(ErrorCode.UNAUTHORIZED, "Invalid signin: expected an HMAC SHA256 signature of "
                    + "socket_id::user::user_data signed with the app secret, as APP_KEY:HEX");
            return;
        }
        Optional<SignedInUser> user = SignedInUser.parse(userData);
        if (user.isEmpty()) {
            connection.closeWith(ErrorCode.UNAUTHORIZED, "Invalid signin: user_data must be a JSON object with an id");
            return;
        }
        connection.send(Frames.signinSuccess(userData));
        users.signIn(connection, user.get());
    }

    private void clientEvent(Connection connection, InboundFrame frame) {
        App app = connection.app();
        if (!app.features().clientEvents()) {
            throw rejected("Client events are disabled for this app (SOCKET_CLIENT_EVENTS=false or"
                    + " client_events in SOCKET_APPS_FILE)");
        }
        String channel = frame.channel();
        ChannelName name;
        try {
            name = ChannelName.parse(channel, app.limits().maxChannelNameLength());
        } catch (InvalidChannelException e) {
            throw rejected("Client event " + frame.event() + " needs a valid 'channel'");
        }
        if (!name.type().allowsClientEvents()) {
            throw rejected("Client events are only allowed on private and presence channels, not on " + channel);
        }
        if (!registry.isSubscribed(connection, channel)) {
            throw rejected("Client event rejected: this socket is not subscribed to " + channel);
        }
        if (frame.event().length() > app.limits().maxEventNameLength()) {
            throw rejected("Client event name is longer than " + app.limits().maxEventNameLength() + " characters");
        }
        if (frame.data() == null) {
            throw rejected("Client event " + frame.event() + " needs 'data'");
        }
        String data = frame.data().toString();
        if (data.getBytes(StandardCharsets.UTF_8).length > app.limits().maxEventBytes()) {
            throw rejected("Client event data is larger than " + app.limits().maxEventBytes() + " bytes");
        }
        if (!connection.allowClientEvent(app.limits().clientEventsPerSecond())) {
            throw rejected("Client event rejected due to rate limit: at most "
                    + app.limits().clientEventsPerSecond() + " per second");
        }
        cluster.relay(connection, channel, Frames.clientEvent(frame.event(), channel, data,
                connection.presenceUser(channel)));
    }

    private static ProtocolException rejected(String message) {
        return new ProtocolException(ErrorCode.CLIENT_EVENT_REJECTED, message);
    }
}
