package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.container.ContainerAccess;
import io.zintrust.socket.container.FrameSink;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.OutboundFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client socket. Frames wait in the socket's own outbox and leave in batches, one batch in flight
 * at a time, never written while a state owner's lock is held; at most {@code outboundLimit} may wait
 * unwritten: a socket that cannot keep up is closed with 4100 instead of slowing everyone who
 * publishes to it.
 */
public final class Connection implements ClientSocket, FrameSink.Listener {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final String socketId;
    private final App app;
    private final Session session;
    private final FrameSink sink;
    private final int outboundLimit;
    private final Executor closer;
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile int closeCode;
    private final Queue<OutboundFrame> outbox = new ConcurrentLinkedQueue<>();
    /** True while a batch is with the sink; its holder alone touches {@link #inFlight} and {@link #issuer}. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private final WriteGate gate = new WriteGate();
    private int inFlight;
    private volatile Thread issuer;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<String, String> presenceIds = new ConcurrentHashMap<>();
    private volatile long lastSeenNanos = System.nanoTime();
    private volatile long pingSentNanos;
    private volatile boolean handshakeReleased;
    private final long connectedAtNanos = System.nanoTime();
    private final ClientEventBudget clientEvents = new ClientEventBudget();

    public Connection(String socketId, App app, Session session, FrameSink sink, int outboundLimit, Executor closer) {
        this.socketId = socketId;
        this.app = app;
        this.session = session;
        this.sink = sink;
        this.outboundLimit = outboundLimit;
        this.closer = closer;
    }

    @Override
    public String socketId() {
        return socketId;
    }

    @Override
    public App app() {
        return app;
    }

    @Override
    public Set<String> channels() {
        return channels;
    }

    @Override
    public Map<String, String> presenceIds() {
        return presenceIds;
    }

    public boolean isClosing() {
        return closing.get();
    }

    /**
     * Queues a frame without calling into the container. Callers that hold a lock use this and call
     * {@link #flush()} once the lock is released: the container may call back into the state owners (a
     * failed write closes the session synchronously), which must never find our locks held.
     */
    @Override
    public void enqueue(OutboundFrame frame) {
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
     * Hands the queued frames, in order and as one batch, to the sink. Whoever finds no batch in flight
     * writes; everyone else returns at once, so no thread ever waits for another socket's writes. The
     * batch's completion starts the next one, unless it completed inside this very call, in which case
     * this loop does (no recursion, however long the queue).
     */
    @Override
    public void flush() {
        while (!outbox.isEmpty() && writing.compareAndSet(false, true)) {
            List<OutboundFrame> batch = takeBatch();
            if (batch.isEmpty() || closing.get()) {
                unwritten.addAndGet(-batch.size());
                writing.set(false);
                if (closing.get()) {
                    outbox.clear();
                    return;
                }
                continue;
            }
            inFlight = batch.size();
            if (!gate.enter()) {
                unwritten.addAndGet(-batch.size());
                outbox.clear();
                writing.set(false);
                return;
            }
            issuer = Thread.currentThread();
            try {
                sink.write(batch, this);
            } catch (RuntimeException e) {
                issuer = null;
                failed(e);
                return;
            } finally {
                gate.exit();
            }
            issuer = null;
        }
    }

    private List<OutboundFrame> takeBatch() {
        List<OutboundFrame> batch = new ArrayList<>();
        int size = 0;
        for (OutboundFrame next = outbox.peek(); next != null; next = outbox.peek()) {
            int length = next.wire().length;
            if (!batch.isEmpty() && size + length > FrameSink.BATCH_LIMIT) {
                break;
            }
            batch.add(outbox.poll());
            size += length;
        }
        return batch;
    }

    @Override
    public void written() {
        boolean inline = issuer == Thread.currentThread();
        unwritten.addAndGet(-inFlight);
        writing.set(false);
        if (!inline) {
            flush();
        }
    }

    @Override
    public void failed(Throwable cause) {
        unwritten.addAndGet(-inFlight);
        writing.set(false);
        // The peer is gone; the container does not always call onClose then (seen with Payara's
        // Tyrus when a client closes while frames are being written to it).
        LOG.log(Level.DEBUG, () -> "Write to socket " + socketId + " failed: " + cause);
        closeQuietly(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "write failed"));
    }

    /**
     * Sends {@code pusher:error} with the code, then closes with the same code. Frames still queued are
     * dropped. Runs on a worker ({@code closer}): closing writes, and may call back into the state owners.
     */
    @Override
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
        closedWith(code);
        Runnable closing = () -> {
            try {
                if (lastFrame != null && gate.enter()) {
                    try {
                        sink.write(List.of(OutboundFrame.of(lastFrame)), CLOSING);
                    } finally {
                        gate.exit();
                    }
                }
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), CloseReasonText.fit(message)));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Close of socket " + socketId + " failed: " + e);
                try {
                    session.close();
                } catch (IOException | RuntimeException ignored) {
                    // the socket's state is released whether or not the container could close it
                }
            }
        };
        try {
            closer.execute(closing);
        } catch (RuntimeException rejected) {
            closing.run();
        }
    }

    /** The last frame before a close is not waited for: the close follows it through the same writer. */
    private static final FrameSink.Listener CLOSING = new FrameSink.Listener() {
        @Override
        public void written() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };

    long connectedAtNanos() {
        return connectedAtNanos;
    }

    /** Counts a client event against the socket's per-second budget; false when over it (-1: no limit). */
    public boolean allowClientEvent(int perSecond) {
        return clientEvents.allow(perSecond);
    }

    /** The first close code known for the socket wins: the server's own close, else the client's. */
    public void closedWith(int code) {
        if (closeCode == 0) {
            closeCode = code;
        }
    }

    @Override
    public int closeCode() {
        int code = closeCode;
        return code == 0 ? 1006 : code;
    }

    /**
     * Called from the container's onClose, before it recycles the upgraded request: no write may reach
     * the socket's writer after this returns, or it would land in whatever connection reuses those
     * objects. Marks the socket closed for the state owners too (later subscriptions of it are undone).
     */
    public void markGone() {
        closing.set(true);
        gate.closeAndWait();
        outbox.clear();
    }

    @Override
    public boolean isGone() {
        return gate.isClosed();
    }

    /**
     * Any inbound frame proves the client is alive (called for each, on the thread reading the socket).
     * The first one also lets the container drop its copy of the handshake: the connection is long
     * created by then.
     */
    public void seen() {
        lastSeenNanos = System.nanoTime();
        pingSentNanos = 0;
        if (!handshakeReleased) {
            handshakeReleased = true;
            ContainerAccess.releaseHandshake(session);
        }
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
