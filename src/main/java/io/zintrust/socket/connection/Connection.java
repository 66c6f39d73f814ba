package io.zintrust.socket.connection;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.users.SignedInUser;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<String, String> presenceUsers = new ConcurrentHashMap<>();
    private volatile long lastSeenNanos = System.nanoTime();
    private volatile long pingSentNanos;
    private volatile boolean gone;
    private volatile SignedInUser user;
    private final long connectedAtNanos = System.nanoTime();
    private long clientEventWindowStart;
    private int clientEventsInWindow;

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

    /** Queues a frame and hands it to the container's writer; never waits for the network. */
    public void send(String frame) {
        enqueue(frame);
        flush();
    }

    /**
     * Queues a frame without calling into the container. Callers that hold a lock use this and call
     * {@link #flush()} once the lock is released: the container may call back into the registry (a
     * failed write closes the session synchronously), which must never find our locks held.
     */
    public void enqueue(String frame) {
        if (closing.get()) {
            return;
        }
        if (unwritten.incrementAndGet() > outboundLimit) {
            unwritten.decrementAndGet();
            closeWith(ErrorCode.OVER_CAPACITY, "Over capacity: the client did not read its messages fast enough");
            return;
        }
        outbox.offer(frame);
    }

    /**
     * Hands queued frames, in order, to the asynchronous writer. Whoever finds the outbox idle drains
     * it; everyone else returns at once, so no thread ever waits for another socket's writes.
     */
    public void flush() {
        while (!outbox.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                for (String frame = outbox.poll(); frame != null; frame = outbox.poll()) {
                    if (closing.get()) {
                        unwritten.decrementAndGet();
                        continue;
                    }
                    session.getAsyncRemote().sendText(frame, this);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Dropping socket " + socketId + ": " + e);
                closeQuietly(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "write failed"));
            } finally {
                draining.set(false);
            }
        }
    }

    @Override
    public void onResult(SendResult result) {
        unwritten.decrementAndGet();
        if (!result.isOK()) {
            // The peer is gone; the container does not always call onClose then (seen with Payara's
            // Tyrus when a client closes while frames are being written to it).
            LOG.log(Level.DEBUG, () -> "Write to socket " + socketId + " failed: " + result.getException());
            closeQuietly(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "write failed"));
        }
    }

    /**
     * Sends {@code pusher:error} with the code, then closes with the same code. Frames still queued are
     * dropped. Runs on the container's executor: closing writes, and may call back into the registry.
     */
    public void closeWith(ErrorCode code, String message) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (code == ErrorCode.OVER_CAPACITY) {
            LOG.log(Level.INFO, () -> "Closing socket " + socketId + " with 4100: more than " + outboundLimit
                    + " frames waited to be written to it");
        }
        // a socket over capacity is not reading: the close frame alone has to say why
        String error = code == ErrorCode.OVER_CAPACITY ? null : Frames.error(code, message);
        close(error, code.code(), message);
    }

    private void closeQuietly(CloseReason reason) {
        if (closing.compareAndSet(false, true)) {
            close(null, reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }
    }

    private void close(String lastFrame, int code, String message) {
        Runnable closing = () -> {
            try {
                if (lastFrame != null) {
                    session.getAsyncRemote().sendText(lastFrame);
                }
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reasonPhrase(message)));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Close of socket " + socketId + " failed: " + e);
                try {
                    session.close();
                } catch (IOException | RuntimeException ignored) {
                    // the registry releases the socket whether or not the container could close it
                }
            }
        };
        try {
            closer.execute(closing);
        } catch (RuntimeException rejected) {
            closing.run();
        }
    }

    /** A close frame's reason may hold 123 bytes of UTF-8. */
    static String reasonPhrase(String message) {
        byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 123) {
            return message;
        }
        int end = Math.min(message.length(), 123);
        while (end > 0 && message.substring(0, end).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end);
    }

    /** The user this socket signed in as, or null. */
    public SignedInUser user() {
        return user;
    }

    public void signedIn(SignedInUser user) {
        this.user = user;
    }

    long connectedAtNanos() {
        return connectedAtNanos;
    }

    /** Counts a client event against a per-second budget; false when over it ({@code perSecond} -1: no limit). */
    public synchronized boolean allowClientEvent(int perSecond) {
        if (perSecond < 0) {
            return true;
        }
        long now = System.nanoTime();
        if (now - clientEventWindowStart >= 1_000_000_000L) {
            clientEventWindowStart = now;
            clientEventsInWindow = 0;
        }
        return ++clientEventsInWindow <= perSecond;
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
