package io.zintrust.socket.container.payara;

import io.zintrust.socket.container.FrameSink;
import io.zintrust.socket.protocol.OutboundFrame;
import jakarta.websocket.Session;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Writes pre-encoded frames straight to the socket writer under Payara's Tyrus session, the path Tyrus
 * itself takes for {@code Session#broadcast}. Going through {@code RemoteEndpoint.Async} instead costs,
 * per frame and recipient, a re-encoding of the text and a rescheduled idle timer on the container's
 * managed executor (which captures the application's context each time); that was most of the server's
 * CPU per delivered message. A batch of queued frames leaves as one write.
 */
public final class TyrusWireSink extends CompletionHandler<ByteBuffer> implements FrameSink {

    private static final System.Logger LOG = System.getLogger(TyrusWireSink.class.getName());
    private static volatile Path path;
    private static volatile boolean notTyrus;

    private final Writer writer;
    private final Object webSocket;
    private final MethodHandle isConnected;
    private volatile Listener listener;
    /** Grizzly's queue under the writer once Tyrus's first write has opened the stream; null until then or never. */
    private volatile GrizzlyWriteQueue queue;
    private volatile boolean queueLooked;

    private TyrusWireSink(Writer writer, Object webSocket, MethodHandle isConnected) {
        this.writer = writer;
        this.webSocket = webSocket;
        this.isConnected = isConnected;
    }

    /** The sink for a Tyrus session, or null when the session is not one we know how to reach into. */
    public static FrameSink attach(Session session) {
        Object remote = session.getAsyncRemote();
        Path known = pathFor(remote);
        Object webSocket = known == null ? null : known.webSocket(remote);
        Writer writer = webSocket == null ? null : known.writer(webSocket);
        return writer == null ? null : new TyrusWireSink(writer, webSocket, known.isConnected());
    }

    /** Tyrus's writer of a session's socket, or null when the session is not one we know how to reach into. */
    static Writer writerOf(Session session) {
        Object remote = session.getAsyncRemote();
        Path known = remote == null ? null : pathFor(remote);
        Object webSocket = known == null ? null : known.webSocket(remote);
        return webSocket == null ? null : known.writer(webSocket);
    }

    /** Looked up again only for a remote endpoint of another class; once not found, never looked for again. */
    private static Path pathFor(Object remote) {
        Path known = path;
        if (known == null || !known.matches(remote)) {
            if (notTyrus) {
                return null;
            }
            known = Path.find(remote);
            if (known == null) {
                notTyrus = true;
            } else {
                path = known;
            }
        }
        return known;
    }

    /**
     * Writes unless Tyrus has begun closing the socket, the check Tyrus makes before its own writes:
     * after its close frame no data frame may follow.
     */
    @Override
    public void write(List<OutboundFrame> batch, Listener listener) {
        this.listener = listener;
        if (!connected()) {
            listener.failed(new IllegalStateException("websocket no longer connected"));
            return;
        }
        GrizzlyWriteQueue raw = queue;
        if (raw != null) {
            raw.write(OutboundFrame.join(batch), listener);
        } else {
            writer.write(OutboundFrame.join(batch), this);
        }
    }

    /**
     * After Tyrus's writer has written once (the welcome frame, right behind the handshake response, both
     * flushed) later batches can go to Grizzly's queue directly; where that is unavailable they stay on it.
     */
    private void lookForQueue() {
        if (!queueLooked) {
            queueLooked = true;
            try {
                queue = GrizzlyWriteQueue.behind(writer);
            } catch (LinkageError grizzlyNotVisible) {
                LOG.log(Level.DEBUG, () -> "Grizzly not visible to the application: " + grizzlyNotVisible);
            }
        }
    }

    private boolean connected() {
        try {
            return (boolean) isConnected.invoke(webSocket);
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public void completed(ByteBuffer result) {
        lookForQueue();
        listener.written();
    }

    @Override
    public void failed(Throwable cause) {
        listener.failed(cause);
    }

    @Override
    public void cancelled() {
        listener.failed(new CancellationException("write cancelled"));
    }

    /** The private fields leading from Tyrus's remote endpoint to its writer, looked up once. */
    private record Path(Class<?> remoteType, Field webSocket, Field protocolHandler, Field writer,
                        MethodHandle isConnected) {

        boolean matches(Object remote) {
            return remote.getClass() == remoteType;
        }

        Object webSocket(Object remote) {
            try {
                return webSocket.get(remote);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        Writer writer(Object socket) {
            try {
                Object handler = protocolHandler.get(socket);
                return handler == null ? null : (Writer) writer.get(handler);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        static Path find(Object remote) {
            try {
                Field webSocket = PrivateField.of(remote.getClass(), "webSocket");
                Field protocolHandler = PrivateField.of(webSocket.getType(), "protocolHandler");
                Field writer = PrivateField.of(protocolHandler.getType(), "writer");
                if (!Writer.class.isAssignableFrom(writer.getType())) {
                    return null;
                }
                MethodHandle isConnected = MethodHandles.publicLookup().findVirtual(webSocket.getType(),
                        "isConnected", MethodType.methodType(boolean.class));
                return new Path(remote.getClass(), webSocket, protocolHandler, writer, isConnected);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "Not Payara's Tyrus (" + e + "): frames go through RemoteEndpoint.Async");
                return null;
            }
        }
    }
}
