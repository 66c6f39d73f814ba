package io.zintrust.socket.container;

import io.zintrust.socket.container.payara.HandshakeRemains;
import io.zintrust.socket.container.payara.PayaraMicroFacts;
import io.zintrust.socket.container.payara.StatusLine;
import io.zintrust.socket.container.payara.TyrusErrors;
import io.zintrust.socket.container.payara.TyrusOverflowLog;
import io.zintrust.socket.container.payara.TyrusWireSink;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The one door to container internals. Each answer comes from Payara's classes when they are there and
 * usable, and from the portable Jakarta EE APIs otherwise; nothing outside this package reaches into
 * Payara, Grizzly or Tyrus.
 */
public final class ContainerAccess {

    private static final System.Logger LOG = System.getLogger(ContainerAccess.class.getName());

    private ContainerAccess() {
    }

    /**
     * Payara's Tyrus writer when {@code direct} is allowed and the session is Payara's Tyrus with no
     * extension negotiated; otherwise the portable asynchronous remote endpoint.
     */
    public static FrameSink sinkFor(Session session, boolean direct) {
        if (direct && session.getNegotiatedExtensions().isEmpty()) {
            try {
                FrameSink sink = TyrusWireSink.attach(session);
                if (sink != null) {
                    return sink;
                }
            } catch (LinkageError notTyrus) {
                LOG.log(Level.DEBUG, () -> "Tyrus writer not visible, using the portable path: " + notTyrus);
            }
        }
        return new AsyncRemoteSink(session);
    }

    /**
     * Lets the container drop the copy of a socket's handshake it would otherwise keep for the socket's
     * life (Tyrus's, on Payara). Call once the socket is open; elsewhere nothing happens.
     */
    public static void releaseHandshake(Session session) {
        if (session == null) {
            return;
        }
        try {
            HandshakeRemains.release(session);
        } catch (LinkageError | RuntimeException notPayara) {
            LOG.log(Level.DEBUG, () -> "The container's websocket objects are out of reach: " + notPayara);
        }
    }

    /**
     * Runs {@code drain} when the process is signalled to stop, before the container's own shutdown
     * (waiting at most {@code graceMillis} and a second for it); where signals cannot be handled, as a
     * shutdown hook beside the container's. Call once.
     */
    public static void onTermination(Runnable drain, long graceMillis) {
        TerminationSignal.onTermination(drain, graceMillis);
    }

    /** On Payara Micro, whether it was started with clustering (not --nocluster); empty elsewhere. */
    public static Optional<Boolean> payaraMicroClustering() {
        try {
            return PayaraMicroFacts.clustering();
        } catch (LinkageError notPayara) {
            return Optional.empty();
        }
    }

    /**
     * What a websocket error the container reported says about the client's input (the portable
     * {@code DecodeException}, or the container's own exceptions); empty for faults of the server or
     * the transport.
     */
    public static Optional<ClientFault> clientFault(Throwable error) {
        if (error instanceof jakarta.websocket.DecodeException) {
            return Optional.of(ClientFault.UNDECODABLE);
        }
        return TyrusErrors.faultOf(error);
    }

    /** The status with this reason phrase where the container lets us choose it; the plain status elsewhere. */
    public static void setStatus(ServletRequest request, HttpServletResponse response, int status, String reason) {
        StatusLine.set(request, response, status, reason);
    }

    /**
     * Tells {@code onEach} instead of logging a WARNING with a stack trace when the container refuses a
     * client's frame for being larger than its read buffer (Payara's Tyrus logs that itself); close the
     * answer on undeploy. Elsewhere nothing changes.
     */
    public static AutoCloseable reportOversizedFrames(Runnable onEach) {
        try {
            return TyrusOverflowLog.install(onEach);
        } catch (LinkageError | RuntimeException notThere) {
            return () -> { };
        }
    }
}
