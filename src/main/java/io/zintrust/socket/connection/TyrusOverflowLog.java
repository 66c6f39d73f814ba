package io.zintrust.socket.connection;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Takes Tyrus's WARNING about an oversized frame out of the server log. When one frame is larger than
 * Tyrus's incoming buffer ({@code org.glassfish.tyrus.servlet.incoming-buffer-size}, 4 MB by default),
 * {@code TyrusWebSocketEngine$TyrusReadHandler.handle} throws {@code IllegalArgumentException("Buffer
 * overflow.")} (from itself or {@code Utils.appendBuffers}) and passes it to
 * {@code TyrusEndpointWrapper.onError}, which logs it with its stack trace and closes the socket with
 * 1011, without telling the endpoint. That is a client's doing: this filter on that logger counts it as
 * {@link BadInput.Kind#FRAME_TOO_BIG} and drops it; every other record of the logger passes as before.
 */
final class TyrusOverflowLog implements Filter {

    static final String LOGGER = "org.glassfish.tyrus.core.TyrusEndpointWrapper";

    private final Logger logger;
    private final Filter previous;
    private final BadInput badInput;

    private TyrusOverflowLog(Logger logger, Filter previous, BadInput badInput) {
        this.logger = logger;
        this.previous = previous;
        this.badInput = badInput;
    }

    static TyrusOverflowLog install(BadInput badInput) {
        Logger logger = Logger.getLogger(LOGGER);
        TyrusOverflowLog filter = new TyrusOverflowLog(logger, logger.getFilter(), badInput);
        logger.setFilter(filter);
        return filter;
    }

    /** On undeploy: the server's logger must not keep this application's classes. */
    void uninstall() {
        if (logger.getFilter() == this) {
            logger.setFilter(previous);
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (isOverflow(record.getThrown())) {
            badInput.record(BadInput.Kind.FRAME_TOO_BIG, "(unknown to Tyrus's read handler)",
                    "a frame over Tyrus's incoming buffer");
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
