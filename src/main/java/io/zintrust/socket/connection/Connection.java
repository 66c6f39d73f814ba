package io.zintrust.socket.connection;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client socket. Frames are handed to the container's asynchronous writer, never written in the
 * caller's thread, and at most {@code outboundLimit} may wait unwritten: a socket that cannot keep up
 * is closed with 4100 instead of slowing everyone who publishes to it.
 */
public final class Connection implements SendHandler {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final String socketId;
    private final App app;
    private final Session session;
    private final int outboundLimit;
    private final Executor closer;
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Object writeOrder = new Object();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<String, String> presenceUsers = new ConcurrentHashMap<>();
    private volatile long lastSeenNanos = System.nanoTime();
    private volatile long pingSentNanos;
    private volatile boolean gone;

    public Connection(String socketId, App app, Session session, int outboundLimit, Executor closer) {
        this.socketId = socketId;
        this.app = app;
        this.session = session;
        this.outboundLimit = outboundLimit;
        this.closer = closer;
    }

    public String socketId() {
        return socketId;
    }

    public App app() {
        return app;
    }

    /** Channel names this socket is subscribed to; the registry keeps it in step with the channels. */
    public Set<String> channels() {
        return channels;
    }

    /** The presence user id this socket joined {@code channel} as, or null. */
    public String presenceUser(String channel) {
        return presenceUsers.get(channel);
    }

    public void joinedAs(String channel, String userId) {
        presenceUsers.put(channel, userId);
    }

    public String leftPresence(String channel) {
        return presenceUsers.remove(channel);
    }

    public boolean isClosing() {
        return closing.get();
    }

    public boolean isOpen() {
        return !closing.get() && session.isOpen();
    }

    /** Queues a frame for the socket without waiting for it to be written. */
    public void send(String frame) {
        if (closing.get()) {
            return;
        }
        if (unwritten.incrementAndGet() > outboundLimit) {
            unwritten.decrementAndGet();
            closeWith(ErrorCode.OVER_CAPACITY, "Over capacity: the client did not read its messages fast enough");
            return;
        }
        try {
            // The lock only orders hand-offs to the asynchronous writer; it is never held during I/O.
            synchronized (writeOrder) {
                session.getAsyncRemote().sendText(frame, this);
            }
        } catch (RuntimeException e) {
            unwritten.decrementAndGet();
            LOG.log(Level.DEBUG, () -> "Dropping socket " + socketId + ": " + e);
            closeQuietly(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "write failed"));
        }
    }

    @Override
    public void onResult(SendResult result) {
        unwritten.decrementAndGet();
    }

    /** Sends {@code pusher:error} with the code, then closes with the same code. */
    public void closeWith(ErrorCode code, String message) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (code == ErrorCode.OVER_CAPACITY) {
            LOG.log(Level.INFO, () -> "Closing socket " + socketId + " with 4100: more than " + outboundLimit
                    + " frames waited to be written to it");
        }
        try {
            synchronized (writeOrder) {
                session.getAsyncRemote().sendText(Frames.error(code, message));
            }
        } catch (RuntimeException ignored) {
            // the close below still tells the client why
        }
        String reason = message.length() > 120 ? message.substring(0, 120) : message;
        closeQuietly(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason));
    }

    private void closeQuietly(CloseReason reason) {
        closing.set(true);
        closer.execute(() -> {
            try {
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Close of socket " + socketId + " failed: " + e);
            }
        });
    }

    /** Marks the socket as closed for the registry; later subscriptions of it are undone. */
    public void markGone() {
        gone = true;
    }

    public boolean isGone() {
        return gone;
    }

    /** Any inbound frame proves the client is alive. */
    public void seen() {
        lastSeenNanos = System.nanoTime();
        pingSentNanos = 0;
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    long pingSentNanos() {
        return pingSentNanos;
    }

    void pinged(long now) {
        pingSentNanos = now;
    }
}
