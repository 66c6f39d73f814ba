package io.zintrust.socket.container.payara;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Takes Tyrus's WARNING about an oversized frame out of the server log. When one frame is larger than
 * Tyrus's incoming buffer ({@code org.glassfish.tyrus.servlet.incoming-buffer-size}, 4 MB by default),
 * {@code TyrusWebSocketEngine$TyrusReadHandler.handle} throws {@code IllegalArgumentException("Buffer
 * overflow.")} (from itself or {@code Utils.appendBuffers}) and passes it to
 * {@code TyrusEndpointWrapper.onError}, which logs it with its stack trace and closes the socket with
 * 1011, without telling the endpoint. That is a client's doing, so this filter on that logger reports it
 * to {@code onOverflow} and drops it; every other record of the logger passes as before.
 */
public final class TyrusOverflowLog implements Filter, AutoCloseable {

    static final String LOGGER = "org.glassfish.tyrus.core.TyrusEndpointWrapper";

    private final Logger logger;
    private final Filter previous;
    private final Runnable onOverflow;

    private TyrusOverflowLog(Logger logger, Filter previous, Runnable onOverflow) {
        this.logger = logger;
        this.previous = previous;
        this.onOverflow = onOverflow;
    }

    public static TyrusOverflowLog install(Runnable onOverflow) {
        Logger logger = Logger.getLogger(LOGGER);
        TyrusOverflowLog filter = new TyrusOverflowLog(logger, logger.getFilter(), onOverflow);
        logger.setFilter(filter);
        return filter;
    }

    /** On undeploy: the server's logger must not keep this application's classes. */
    @Override
    public void close() {
        if (logger.getFilter() == this) {
            logger.setFilter(previous);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (isOverflow(record.getThrown())) {
            onOverflow.run();
            return false;
        }
        return previous == null || previous.isLoggable(record);
    }

    static boolean isOverflow(Throwable thrown) {
        if (!(thrown instanceof IllegalArgumentException) || thrown.getStackTrace().length == 0) {
            return false;
        }
        StackTraceElement top = thrown.getStackTrace()[0];
        return top.getClassName().equals("org.glassfish.tyrus.core.Utils") && top.getMethodName().equals("appendBuffers")
                || top.getClassName().equals("org.glassfish.tyrus.core.TyrusWebSocketEngine$TyrusReadHandler")
                && top.getMethodName().equals("handle");
    }
}
