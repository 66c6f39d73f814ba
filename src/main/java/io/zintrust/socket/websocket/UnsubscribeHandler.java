package io.zintrust.socket.websocket;

import io.zintrust.socket.channel.Subscriptions;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.protocol.ProtocolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code pusher:unsubscribe}: leaves the channel; unknown channels are ignored, as at Pusher. */
@ApplicationScoped
class UnsubscribeHandler implements FrameHandler {

    @Inject
    Subscriptions subscriptions;

    @Override
    public void handle(Connection connection, InboundFrame frame) {
        String channel = InboundFrame.text(frame.dataObject(), "channel", frame.event());
        if (channel == null) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Invalid pusher:unsubscribe: 'channel' is required");
        }
        subscriptions.unsubscribe(connection, channel);
    }
}
