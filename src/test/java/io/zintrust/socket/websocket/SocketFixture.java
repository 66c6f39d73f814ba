package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelFixture;
import io.zintrust.socket.connections.ConnectionFixture;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.container.FrameSink;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.protocol.JsonText;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame handlers and the dispatcher wired to real state owners outside CDI, and real connections
 * whose frames land in a list and whose session records its close.
 */
final class SocketFixture {

    final ChannelFixture state = new ChannelFixture();
    final ConnectionTable table = ConnectionFixture.table(state.activities, new ConnectionFixture.Elsewhere());
    final SubscribeHandler subscribe = new SubscribeHandler();
    final UnsubscribeHandler unsubscribe = new UnsubscribeHandler();
    final SigninHandler signin = new SigninHandler();
    final ClientEventHandler clientEvent = new ClientEventHandler();
    final SocketRelease release = new SocketRelease();
    final PusherProtocol protocol = new PusherProtocol();

    SocketFixture() {
        subscribe.subscriptions = state.subscriptions;
        subscribe.users = state.users;
        unsubscribe.subscriptions = state.subscriptions;
        signin.users = state.users;
        clientEvent.fanout = state.fanout;
        release.table = table;
        release.subscriptions = state.subscriptions;
        release.users = state.users;
        protocol.subscribe = subscribe;
        protocol.unsubscribe = unsubscribe;
        protocol.signin = signin;
        protocol.clientEvent = clientEvent;
        protocol.release = release;
        protocol.badInput = new BadInput();
    }

    /** A connection whose writes complete at once and whose closes run on the calling thread. */
    static Client client(String socketId, App app) {
        return new Client(socketId, app);
    }

    static final class Client {
        final List<String> written = new ArrayList<>();
        final List<CloseReason> closes = new ArrayList<>();
        final Connection connection;

        Client(String socketId, App app) {
            FrameSink sink = (batch, listener) -> {
                synchronized (written) {
                    batch.forEach(frame -> written.add(frame.text()));
                }
                listener.written();
            };
            connection = new Connection(socketId, app, session(socketId), sink, 10_000, Runnable::run);
        }

        private Session session(String socketId) {
            return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[]{Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            synchronized (closes) {
                                closes.add(args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "")
                                        : (CloseReason) args[0]);
                            }
                            yield null;
                        }
                        case "isOpen" -> closes.isEmpty();
                        case "getId" -> socketId;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "session of " + socketId;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        List<String> written() {
            synchronized (written) {
                return List.copyOf(written);
            }
        }

        List<JsonObject> frames() {
            return written().stream().map(Json::parse).toList();
        }

        List<String> events() {
            return frames().stream().map(frame -> frame.getString("event")).toList();
        }

        List<JsonObject> frames(String event) {
            return frames().stream().filter(frame -> event.equals(frame.getString("event"))).toList();
        }

        /** The only frame written since the last {@link #clear()}. */
        JsonObject only() {
            List<JsonObject> frames = frames();
            if (frames.size() != 1) {
                throw new AssertionError("expected one frame, got " + written());
            }
            return frames.get(0);
        }

        void clear() {
            synchronized (written) {
                written.clear();
            }
        }

        /** The close codes the session was closed with. */
        List<Integer> closeCodes() {
            synchronized (closes) {
                return closes.stream().map(reason -> reason.getCloseCode().getCode()).toList();
            }
        }
    }

    /** A client frame's text: event, then channel (may be null), then data as a JSON object of string pairs. */
    static String frame(String event, String channel, String... dataPairs) {
        JsonObjectBuilder data = JsonText.JSON.createObjectBuilder();
        for (int i = 0; i < dataPairs.length; i += 2) {
            if (dataPairs[i + 1] != null) {
                data.add(dataPairs[i], dataPairs[i + 1]);
            }
        }
        JsonObjectBuilder frame = JsonText.JSON.createObjectBuilder().add("event", event);
        if (channel != null) {
            frame.add("channel", channel);
        }
        return frame.add("data", data).build().toString();
    }

    static InboundFrame parsed(String text) {
        return InboundFrame.parse(text);
    }
}
