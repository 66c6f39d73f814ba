package io.zintrust.socket.connection;

import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Where one socket's frames are written. A {@link Connection} hands it one batch at a time and waits
 * for {@link Listener#written()} before the next, so frames stay in order and a slow socket only
 * ever holds up its own queue.
 */
interface FrameSink {

    /** Told once per batch, from whichever thread finished it (possibly the caller of write). */
    interface Listener {
        void written();

        void failed(Throwable cause);
    }

    /** Most bytes (or characters) one batch gathers: large enough to batch a burst, small enough to stay one write. */
    int BATCH_LIMIT = 64 * 1024;

    void write(List<OutboundFrame> batch, Listener listener);

    /**
     * Payara's Tyrus writer when {@code direct} is allowed and the container is Payara's Tyrus with no
     * extension negotiated; otherwise the portable asynchronous remote endpoint.
     */
    static FrameSink of(Session session, boolean direct) {
        if (direct && session.getNegotiatedExtensions().isEmpty()) {
            try {
                FrameSink sink = TyrusWireSink.attach(session);
                if (sink != null) {
                    return sink;
                }
            } catch (LinkageError notTyrus) {
                System.getLogger(FrameSink.class.getName()).log(Level.DEBUG,
                        () -> "Tyrus writer not visible, using the portable path: " + notTyrus);
            }
        }
        return new AsyncRemoteSink(session);
    }
}
