package io.zintrust.socket.container.payara;

import io.zintrust.socket.container.FrameSink;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.asyncqueue.MessageCloner;
import org.glassfish.grizzly.asyncqueue.WritableMessage;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;

import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The socket's own Grizzly write queue under Payara's websocket stack: the queue every write of an
 * upgraded connection ends in after the servlet output stream, Grizzly's HTTP output buffer (one copy
 * per frame into a pooled buffer) and the HTTP filter chain have passed it through unchanged. Writing
 * there directly skips those layers, which were a third of the server's CPU per delivered message.
 * Only for plain TCP listeners: a chain with TLS or port unification transforms or reroutes the bytes,
 * so those sockets keep the servlet path. (The HTTP/2 filter Payara puts on every listener passes an
 * HTTP/1.1 connection's writes through untouched, and a websocket is always an HTTP/1.1 upgrade.)
 */
final class GrizzlyWriteQueue implements CompletionHandler<WriteResult<WritableMessage, SocketAddress>> {

    private static final System.Logger LOG = System.getLogger(GrizzlyWriteQueue.class.getName());
    /** Filters that change the bytes below HTTP, by lower-cased class name fragment. */
    private static final String[] TRANSFORMING = {"ssl", "tls", "portunif", "pufilter"};
    /** Per filter chain: whether its sockets may be written raw (decided and logged once per listener). */
    private static final Map<Processor<?>, Boolean> PLAIN_CHAINS = new ConcurrentHashMap<>();
    private static volatile Path path;

    private final Connection<SocketAddress> connection;
    private final AsyncQueueWriter<SocketAddress> writer;
    private volatile FrameSink.Listener listener;

    private GrizzlyWriteQueue(Connection<SocketAddress> connection, AsyncQueueWriter<SocketAddress> writer) {
        this.connection = connection;
        this.writer = writer;
    }

    /**
     * The write queue behind Tyrus's servlet writer, once that writer has written (it opens the servlet
     * output stream on its first write, after the handshake response); null when it cannot be reached or
     * the socket's listener transforms what is written.
     */
    @SuppressWarnings("unchecked")
    static GrizzlyWriteQueue behind(Object tyrusWriter) {
        Path known = path;
        if (known == Path.NONE) {
            return null;
        }
        Object stream = known != null && known.writerType() == tyrusWriter.getClass()
                ? known.stream(tyrusWriter) : Path.streamOf(tyrusWriter);
        if (stream == null) {
            return null;
        }
        if (known == null || !known.matches(tyrusWriter, stream)) {
            known = Path.find(tyrusWriter, stream);
            path = known;
            if (known == Path.NONE) {
                return null;
            }
        }
        Object found = known.connection(stream);
        if (!(found instanceof Connection<?> raw) || !(raw.getTransport() instanceof TCPNIOTransport transport)) {
            return null;
        }
        if (!PLAIN_CHAINS.computeIfAbsent(raw.getProcessor(), GrizzlyWriteQueue::plain)) {
            return null;
        }
        return new GrizzlyWriteQueue((Connection<SocketAddress>) raw,
                (AsyncQueueWriter<SocketAddress>) transport.getAsyncQueueIO().getWriter());
    }

    private static boolean plain(Processor<?> processor) {
        if (!(processor instanceof FilterChain chain)) {
            LOG.log(Level.INFO, "Websocket frames go through the servlet output stream: unknown processor " + processor);
            return false;
        }
        StringBuilder names = new StringBuilder();
        for (Filter filter : chain) {
            String name = filter.getClass().getName();
            names.append(names.isEmpty() ? "" : ", ").append(name.substring(name.lastIndexOf('.') + 1));
            String lower = name.toLowerCase(Locale.ROOT);
            for (String fragment : TRANSFORMING) {
                if (lower.contains(fragment)) {
                    LOG.log(Level.INFO, "Websocket frames go through the servlet output stream on this listener ("
                            + names + "...): " + name + " transforms the bytes");
                    return false;
                }
            }
        }
        LOG.log(Level.INFO, "Websocket frames are written to Grizzly's write queue on this listener (" + names + ")");
        return true;
    }

    /** One write of the whole buffer; the listener hears once, possibly before this returns. */
    void write(ByteBuffer bytes, FrameSink.Listener listener) {
        this.listener = listener;
        writer.write(connection, null, new ByteBufferWrapper(bytes), this, (MessageCloner<WritableMessage>) null);
    }

    @Override
    public void completed(WriteResult<WritableMessage, SocketAddress> result) {
        listener.written();
    }

    @Override
    public void failed(Throwable cause) {
        listener.failed(cause);
    }

    @Override
    public void cancelled() {
        listener.failed(new java.util.concurrent.CancellationException("write cancelled"));
    }

    @Override
    public void updated(WriteResult<WritableMessage, SocketAddress> result) {
        // progress of a partial write: only completion matters
    }

    /** Private fields from Tyrus's servlet writer to the Grizzly connection, looked up once. */
    private record Path(Class<?> writerType, Class<?> streamType, Field outputStream, Field servletBuffer,
                        Field grizzlyBuffer, Field connection) {

        /** Marks a container where the fields are not there: looked up once, then never again. */
        static final Path NONE = new Path(Void.class, Void.class, null, null, null, null);

        boolean matches(Object tyrusWriter, Object stream) {
            return tyrusWriter.getClass() == writerType && stream.getClass() == streamType;
        }

        Object connection(Object stream) {
            try {
                Object servlet = servletBuffer.get(stream);
                Object grizzly = servlet == null ? null : grizzlyBuffer.get(servlet);
                return grizzly == null ? null : connection.get(grizzly);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        Object stream(Object tyrusWriter) {
            try {
                return outputStream.get(tyrusWriter);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /** The first socket's stream, before any path is known. */
        static Object streamOf(Object tyrusWriter) {
            try {
                return PrivateField.of(tyrusWriter.getClass(), "servletOutputStream").get(tyrusWriter);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        static Path find(Object tyrusWriter, Object stream) {
            try {
                Field outputStream = PrivateField.of(tyrusWriter.getClass(), "servletOutputStream");
                Field servletBuffer = PrivateField.of(stream.getClass(), "ob");
                Field grizzlyBuffer = PrivateField.of(servletBuffer.getType(), "grizzlyOutputBuffer");
                Field connection = PrivateField.of(grizzlyBuffer.getType(), "connection");
                return new Path(tyrusWriter.getClass(), stream.getClass(), outputStream, servletBuffer, grizzlyBuffer,
                        connection);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "Websocket frames go through the servlet output stream (" + e + ")");
                return NONE;
            }
        }
    }
}
