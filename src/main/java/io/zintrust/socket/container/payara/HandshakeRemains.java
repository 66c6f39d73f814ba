package io.zintrust.socket.container.payara;

import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.lang.reflect.Field;

/**
 * Drops Tyrus's copy of a socket's handshake (its {@code upgradeInfo}: the request's headers, URI and
 * parameters, the upgrade response), which its upgrade handler keeps for the socket's whole life although
 * only the creation of the connection reads it. It belongs to this socket alone: Tyrus objects are never
 * pooled, so nothing another exchange uses is touched.
 *
 * <p>The Grizzly and Catalina objects of the upgraded request (parsed headers, parameter scratch buffers)
 * hold more, but they return to Grizzly's pools when a socket closes, and releasing them raced that:
 * under the test suite's churn a pooled request serving another client lost its headers. They are kept.
 */
public final class HandshakeRemains {

    private static final System.Logger LOG = System.getLogger(HandshakeRemains.class.getName());
    private static final Object UNUSABLE = new Object();
    private static volatile Object path;

    private HandshakeRemains() {
    }

    /** Releases Tyrus's handshake copy of this socket where there is one; never throws. */
    public static void release(Session session) {
        Object writer = TyrusWireSink.writerOf(session);
        Object known = path;
        if (writer == null || known == UNUSABLE) {
            return;
        }
        Path fields = known instanceof Path p && p.matches(writer) ? p : resolve(writer);
        if (fields == null) {
            return;
        }
        try {
            fields.release(writer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (path != UNUSABLE) {
                path = UNUSABLE;
                LOG.log(Level.INFO, "Could not release a socket's handshake copy (" + e
                        + "); every socket keeps it from now on");
            }
        }
    }

    /** One thread looks the path up (and logs why it cannot); the others find its answer. */
    private static synchronized Path resolve(Object writer) {
        Object known = path;
        if (known instanceof Path p && p.matches(writer)) {
            return p;
        }
        if (known == UNUSABLE) {
            return null;
        }
        Path found = Path.find(writer);
        path = found == null ? UNUSABLE : found;
        return found;
    }

    /** From Tyrus's servlet writer to its upgrade handler (behind the proxy Tyrus registers) and the copy. */
    private record Path(Class<?> writerType, Field writerHandler, Field proxied, Field upgradeInfo) {

        boolean matches(Object writer) {
            return writer.getClass() == writerType;
        }

        void release(Object writer) throws IllegalAccessException {
            Object handler = writerHandler.get(writer);
            if (proxied != null && proxied.getDeclaringClass().isInstance(handler)) {
                handler = proxied.get(handler);
            }
            if (handler != null) {
                upgradeInfo.set(handler, null);
            }
        }

        static Path find(Object writer) {
            try {
                Field writerHandler = PrivateField.of(writer.getClass(), "tyrusHttpUpgradeHandler");
                Object handler = writerHandler.get(writer);
                Field proxied = null;
                try {
                    proxied = PrivateField.of(handler.getClass(), "handler");
                    handler = proxied.get(handler);
                } catch (NoSuchFieldException notProxied) {
                    // the writer holds the handler itself
                }
                return new Path(writer.getClass(), writerHandler, proxied, PrivateField.of(handler.getClass(), "upgradeInfo"));
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "Tyrus's upgrade handler is not as expected (" + e
                        + "): sockets keep their handshake copy");
                return null;
            }
        }
    }
}
