package io.zintrust.socket.container.payara;

import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Drops what Payara's websocket stack keeps of a socket's handshake for the socket's whole life although
 * nothing reads it once the socket is open: Tyrus's copy of the handshake request and response (its
 * {@code upgradeInfo}, read only while the connection is created), Grizzly's two 1 KB parameter-decoding
 * scratch buffers (allocated again if ever needed), and the parsed request and response headers (their
 * cached Strings and the reusable header slots, created again lazily). About 9 KB per connection.
 *
 * <p>Only once Catalina has finished the handshake request (its access log reads the headers after the
 * endpoint opened) and only while the request still belongs to this socket's upgrade: a closed socket's
 * request goes back to Grizzly's pool. The caller runs this on the thread reading the socket, after the
 * client's first frame, so a close the client starts cannot run at the same time.
 */
public final class HandshakeRemains {

    private static final System.Logger LOG = System.getLogger(HandshakeRemains.class.getName());
    private static final Object UNUSABLE = new Object();
    private static volatile Object path;

    private HandshakeRemains() {
    }

    /**
     * Releases the remains of this socket's handshake; false only when Catalina has not finished the
     * handshake request yet (the client's first frame can overtake it), so a later frame should ask again.
     */
    public static boolean release(Session session) {
        Object writer = TyrusWireSink.writerOf(session);
        if (writer == null) {
            return true;
        }
        Object known = path;
        if (known == UNUSABLE) {
            return true;
        }
        Path fields = known instanceof Path p && p.matches(writer) ? p : resolve(writer);
        if (fields == null) {
            return true;
        }
        try {
            return fields.release(writer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (path == UNUSABLE) {
                return true;
            }
            path = UNUSABLE;
            LOG.log(Level.INFO, "Could not release a socket's handshake copies (" + e
                    + "); every socket keeps them from now on");
            return true;
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

    /** The fields and methods from Tyrus's servlet writer to the Grizzly objects of the upgraded request. */
    private record Path(Class<?> writerType, Field writerHandler, Field proxied, Field upgradeInfo,
                        Field webConnection, Field catalinaRequest, Method isUpgrade, Method upgradeHandler,
                        Field afterService, Method grizzlyRequest, Method requestPacket, Method parameters,
                        Field nameScratch, Field valueScratch, Method charChunkReset, Method response,
                        Method responsePacket, Method requestHeaders, Method responseHeaders, Method recycleHeaders,
                        Field headerSlots) {

        boolean matches(Object writer) {
            return writer.getClass() == writerType;
        }

        /** False while Catalina is still finishing the handshake request. */
        boolean release(Object writer) throws ReflectiveOperationException {
            Object handler = handler(writer);
            Object connection = handler == null ? null : webConnection.get(handler);
            Object catalina = connection == null ? null : catalinaRequest.get(connection);
            if (catalina == null || !(boolean) isUpgrade.invoke(catalina) || upgradeHandler.invoke(catalina) != handler) {
                return true; // closed already: the request may serve another exchange now
            }
            if (!afterService.getBoolean(catalina)) {
                return false;
            }
            upgradeInfo.set(handler, null);
            Object grizzly = grizzlyRequest.invoke(catalina);
            Object params = parameters.invoke(grizzly);
            charChunkReset.invoke(nameScratch.get(params));
            charChunkReset.invoke(valueScratch.get(params));
            clear(requestHeaders.invoke(requestPacket.invoke(grizzly)));
            clear(responseHeaders.invoke(responsePacket.invoke(response.invoke(grizzly))));
            return true;
        }

        private Object handler(Object writer) throws IllegalAccessException {
            Object handler = writerHandler.get(writer);
            return proxied != null && proxied.getDeclaringClass().isInstance(handler) ? proxied.get(handler) : handler;
        }

        /** Empties the headers and replaces their slots, so the parsed fields go too (slots are made on demand). */
        private void clear(Object headers) throws ReflectiveOperationException {
            recycleHeaders.invoke(headers);
            Object slots = headerSlots.get(headers);
            headerSlots.set(headers, Array.newInstance(slots.getClass().getComponentType(), 8));
        }

        /** A public method, opened in case the class declaring it is not public. */
        private static Method method(Class<?> type, String name) throws NoSuchMethodException {
            Method method = type.getMethod(name);
            method.setAccessible(true);
            return method;
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
                Field upgradeInfo = PrivateField.of(handler.getClass(), "upgradeInfo");
                Field webConnection = PrivateField.of(handler.getClass(), "wc");
                Object connection = webConnection.get(handler);
                Field catalinaRequest = PrivateField.of(connection.getClass(), "request");
                Class<?> catalina = catalinaRequest.getType();
                Method grizzlyRequest = method(catalina, "getCoyoteRequest");
                Class<?> grizzly = grizzlyRequest.getReturnType();
                Method requestPacket = method(grizzly, "getRequest");
                Method parameters = method(grizzly, "getParameters");
                Field nameScratch = PrivateField.of(parameters.getReturnType(), "tmpNameC");
                Method response = method(grizzly, "getResponse");
                Method responsePacket = method(response.getReturnType(), "getResponse");
                Method requestHeaders = method(requestPacket.getReturnType(), "getHeaders");
                Class<?> headers = requestHeaders.getReturnType();
                Field headerSlots = PrivateField.of(headers, "headers");
                if (!headerSlots.getType().isArray()) {
                    throw new NoSuchFieldException(headers.getName() + ".headers is not an array");
                }
                return new Path(writer.getClass(), writerHandler, proxied, upgradeInfo, webConnection,
                        catalinaRequest, method(catalina, "isUpgrade"), method(catalina, "getHttpUpgradeHandler"),
                        PrivateField.of(catalina, "afterService"), grizzlyRequest, requestPacket, parameters,
                        nameScratch, PrivateField.of(parameters.getReturnType(), "tmpValueC"),
                        method(nameScratch.getType(), "reset"), response, responsePacket, requestHeaders,
                        method(responsePacket.getReturnType(), "getHeaders"), method(headers, "recycle"), headerSlots);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "Payara's websocket objects are not as expected (" + e
                        + "): sockets keep their handshake copies");
                return null;
            }
        }
    }
}
