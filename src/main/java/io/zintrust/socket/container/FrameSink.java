package io.zintrust.socket.container;

import io.zintrust.socket.protocol.OutboundFrame;

import java.util.List;

/**
 * Where one socket's frames are written. A connection hands it one batch at a time and waits for
 * {@link Listener#written()} before the next, so frames stay in order and a slow socket only ever
 * holds up its own queue. {@link ContainerAccess#sinkFor} picks the implementation.
 */
public interface FrameSink {

    /** Told once per batch, from whichever thread finished it (possibly the caller of write). */
    interface Listener {
        void written();

        void failed(Throwable cause);
    }

    /** Most bytes one batch gathers: large enough to batch a burst, small enough to stay one write. */
    int BATCH_LIMIT = 64 * 1024;

    void write(List<OutboundFrame> batch, Listener listener);
}
