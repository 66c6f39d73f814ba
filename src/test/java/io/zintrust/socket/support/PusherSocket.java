package io.zintrust.socket.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A raw Pusher protocol client on the Tyrus websocket client: it records every frame the server sends
 * so tests can wait for, and assert on, exactly what a client sees on the wire.
 */
public final class PusherSocket extends Endpoint implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final ClientManager CLIENT = ClientManager.createClient();

    private final List<JsonObject> frames = new ArrayList<>();
    private final List<String> rawFrames = new ArrayList<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private volatile Session session;
    private volatile boolean answerPings = true;
    private String socketId;

    /** Connects and waits for {@code pusher:connection_established}. */
    public static PusherSocket connect(URI uri) {
        return connect(uri, CLIENT);
    }

    /** Connects through a given client (e.g. one configured for TLS) and waits for the welcome. */
    public static PusherSocket connect(URI uri, ClientManager client) {
        PusherSocket socket = open(uri, client);
        JsonObject established = socket.await("pusher:connection_established");
        socket.socketId = parse(established.getString("data")).getString("socket_id");
        return socket;
    }

    /** Connects without waiting for any frame (for refused connections). */
    public static PusherSocket open(URI uri) {
        return open(uri, CLIENT);
    }

    private static PusherSocket open(URI uri, ClientManager client) {
        PusherSocket socket = new PusherSocket();
        try {
            client.connectToServer(socket, ClientEndpointConfig.Builder.create().build(), uri);
        } catch (DeploymentException | IOException e) {
            throw new IllegalStateException("Could not connect to " + uri + ": " + e, e);
        }
        return socket;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.addMessageHandler(String.class, this::received);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        closed.complete(reason);
        synchronized (frames) {
            frames.notifyAll();
        }
    }

    private void received(String text) {
        JsonObject frame = parse(text);
        if (answerPings && "pusher:ping".equals(frame.getString("event", ""))) {
            send("{\"event\":\"pusher:pong\",\"data\":{}}");
            return;
        }
        synchronized (frames) {
            frames.add(frame);
            rawFrames.add(text);
            frames.notifyAll();
        }
    }

    public static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Stop answering server pings, to play a dead client; pings are then recorded like any frame. */
    public PusherSocket silent() {
        answerPings = false;
        return this;
    }

    public String socketId() {
        return socketId;
    }

    public void send(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new IllegalStateException("Send failed: " + e, e);
        }
    }

    public void sendBinary(byte[] bytes) {
        try {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("Send failed: " + e, e);
        }
    }

    public void subscribe(String channel) {
        subscribe(channel, null, null);
    }

    public void subscribe(String channel, String auth, String channelData) {
        var data = Json.createObjectBuilder().add("channel", channel);
        if (auth != null) {
            data.add("auth", auth);
        }
        if (channelData != null) {
            data.add("channel_data", channelData);
        }
        send(Json.createObjectBuilder().add("event", "pusher:subscribe").add("data", data).build().toString());
    }

    /** Signs in as the user described by {@code userData}, signed with the app's key and secret. */
    public void signin(String key, String secret, String userData) {
        String auth = key + ":" + SignedRequest.hmac(secret, socketId + "::user::" + userData);
        send(Json.createObjectBuilder().add("event", "pusher:signin").add("data", Json.createObjectBuilder()
                .add("auth", auth).add("user_data", userData)).build().toString());
    }

    /** Subscribes with the {@code auth} (and {@code channel_data}) of an auth endpoint's JSON answer. */
    public void subscribeWith(String channel, String authResponseJson) {
        JsonObject auth = parse(authResponseJson);
        subscribe(channel, auth.getString("auth"), auth.getString("channel_data", null));
    }

    public JsonObject subscribed(String channel) {
        return await("pusher_internal:subscription_succeeded", channel);
    }

    public JsonObject await(String event) {
        return await(frame -> event.equals(frame.getString("event", "")), event);
    }

    public JsonObject await(String event, String channel) {
        return await(frame -> event.equals(frame.getString("event", ""))
                && channel.equals(frame.getString("channel", null)), event + " on " + channel);
    }

    /** Removes and returns the first recorded frame matching, waiting up to {@link #WAIT} for it. */
    public JsonObject await(Predicate<JsonObject> match, String description) {
        return await(match, description, WAIT);
    }

    public JsonObject await(Predicate<JsonObject> match, String description, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (frames) {
            while (true) {
                for (Iterator<JsonObject> it = frames.iterator(); it.hasNext(); ) {
                    JsonObject frame = it.next();
                    if (match.test(frame)) {
                        it.remove();
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return fail("No " + description + " within " + wait.toSeconds() + " s; received " + frames);
                }
                try {
                    frames.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("Interrupted");
                }
            }
        }
    }

    /** Asserts that no frame with this event (on this channel, if given) arrives within {@code quiet}. */
    public void assertNo(String event, String channel, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        synchronized (frames) {
            while (true) {
                for (JsonObject frame : frames) {
                    if (event.equals(frame.getString("event", ""))
                            && (channel == null || channel.equals(frame.getString("channel", null)))) {
                        fail("Unexpected " + frame);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    frames.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Every frame still recorded, raw text as received. */
    public List<String> rawFrames() {
        synchronized (frames) {
            return List.copyOf(rawFrames);
        }
    }

    /** The {@code data} of a frame parsed as the JSON object it holds, whether it came as a string or an object. */
    public static JsonObject data(JsonObject frame) {
        JsonValue data = frame.get("data");
        return data.getValueType() == JsonValue.ValueType.STRING ? parse(frame.getString("data")) : data.asJsonObject();
    }

    public CloseReason awaitClose() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return fail("Socket was not closed within " + WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted");
        }
    }

    public boolean isOpen() {
        return session != null && session.isOpen() && !closed.isDone();
    }

    /** Proves the socket is still usable: a ping gets a pong. */
    public void assertAlive() {
        assertTrue(isOpen(), "socket should still be open");
        send("{\"event\":\"pusher:ping\",\"data\":{}}");
        await("pusher:pong");
    }

    @Override
    public void close() {
        try {
            if (session != null && session.isOpen()) {
                session.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }
}
