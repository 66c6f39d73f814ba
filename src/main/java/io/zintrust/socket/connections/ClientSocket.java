package io.zintrust.socket.connections;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.OutboundFrame;

import java.util.Map;
import java.util.Set;

/**
 * One client socket as the state owners see it: an address for frames and the little per-socket state
 * they keep on it. The websocket boundary implements it. Frames are queued under the owners' locks and
 * flushed after them: flushing calls into the container, which may call back into the owners.
 */
public interface ClientSocket {

    String socketId();

    App app();

    /** Queues a frame without calling into the container; never blocks. */
    void enqueue(OutboundFrame frame);

    default void enqueue(String text) {
        enqueue(OutboundFrame.of(text));
    }

    /** Starts writing what was queued; never waits for the network. */
    void flush();

    default void send(String text) {
        enqueue(text);
        flush();
    }

    /** Channel names this socket is subscribed to: kept by the channel state owner only. */
    Set<String> channels();

    /** Presence channel name to the user id this socket joined it as: kept by the channel state owner only. */
    Map<String, String> presenceIds();

    /** True once the socket closed: a subscription racing with the close undoes itself. */
    boolean isGone();

    /** Sends {@code pusher:error} with the code, then closes the socket with it. */
    void closeWith(ErrorCode code, String message);

    /** The websocket close code the socket ended with; 1006 (closed abnormally) until one is known. */
    default int closeCode() {
        return 1006;
    }
}
