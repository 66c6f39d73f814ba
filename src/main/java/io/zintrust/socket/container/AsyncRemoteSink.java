package io.zintrust.socket.container;

import io.zintrust.socket.protocol.OutboundFrame;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The portable path: each frame through {@code RemoteEndpoint.Async}, which any Jakarta EE container has. */
final class AsyncRemoteSink implements FrameSink {

    private final Session session;

    AsyncRemoteSink(Session session) {
        this.session = session;
    }

    @Override
    public void write(List<OutboundFrame> batch, Listener listener) {
        AtomicInteger left = new AtomicInteger(batch.size());
        SendHandler handler = result -> {
            if (!result.isOK()) {
                // a failed frame ends the batch; later results of the same batch are ignored
                if (left.getAndSet(-1) > 0) {
                    listener.failed(result.getException());
                }
            } else if (left.decrementAndGet() == 0) {
                listener.written();
            }
        };
        for (OutboundFrame frame : batch) {
            session.getAsyncRemote().sendText(frame.text(), handler);
        }
    }
}
