package io.zintrust.socket.websocket;

import io.zintrust.socket.protocol.InboundFrame;

/**
 * Handles one kind of client frame. Refusals that end the frame throw {@link
 * io.zintrust.socket.protocol.ProtocolException}, which the dispatcher answers with {@code pusher:error};
 * channel-scoped refusals are answered by the handler itself.
 */
interface FrameHandler {

    void handle(Connection connection, InboundFrame frame);
}
