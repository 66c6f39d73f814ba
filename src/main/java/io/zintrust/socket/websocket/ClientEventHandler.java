package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.Fanout;
import io.zintrust.socket.channel.InvalidChannelException;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.protocol.ProtocolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/**
 * {@code client-*} events: on private and presence channels the socket is subscribed to, within the
 * app's switches, size and rate limits; refusals are {@code pusher:error} 4301.
 */
@ApplicationScoped
class ClientEventHandler implements FrameHandler {

    @Inject
    Fanout fanout;

    @Override
    public void handle(Connection connection, InboundFrame frame) {
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
        if (!connection.channels().contains(channel)) {
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
        fanout.relay(connection, channel, frame.event(), data);
    }

    private static ProtocolException rejected(String message) {
        return new ProtocolException(ErrorCode.CLIENT_EVENT_REJECTED, message);
    }
}
