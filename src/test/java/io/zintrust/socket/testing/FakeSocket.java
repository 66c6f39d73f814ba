package io.zintrust.socket.testing;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.OutboundFrame;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recipient for the state owners' unit tests: frames it is given wait as "queued" until {@link #flush()}
 * moves them to "sent", as a real socket writes only when flushed; closes are recorded, never carried out.
 */
public final class FakeSocket implements ClientSocket {

    /** One {@link #closeWith} call. */
    public record Close(ErrorCode code, String message) {
    }

    private final String socketId;
    private final App app;
    private final List<OutboundFrame> queued = new ArrayList<>();
    private final List<OutboundFrame> sent = new ArrayList<>();
    private final List<Close> closes = new ArrayList<>();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<String, String> presenceIds = new ConcurrentHashMap<>();
    private volatile boolean gone;

    public FakeSocket(String socketId, App app) {
        this.socketId = socketId;
        this.app = app;
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
    public synchronized void enqueue(OutboundFrame frame) {
        queued.add(frame);
    }

    @Override
    public synchronized void flush() {
        sent.addAll(queued);
        queued.clear();
    }

    @Override
    public Set<String> channels() {
        return channels;
    }

    @Override
    public Map<String, String> presenceIds() {
        return presenceIds;
    }

    @Override
    public boolean isGone() {
        return gone;
    }

    public void setGone(boolean gone) {
        this.gone = gone;
    }

    @Override
    public synchronized void closeWith(ErrorCode code, String message) {
        closes.add(new Close(code, message));
    }

    public synchronized List<Close> closes() {
        return List.copyOf(closes);
    }

    /** The frames flushed so far, as the shared frame objects they were given as. */
    public synchronized List<OutboundFrame> sentFrames() {
        return List.copyOf(sent);
    }

    /** The texts of the frames flushed so far. */
    public synchronized List<String> sent() {
        return sent.stream().map(OutboundFrame::text).toList();
    }

    /** The texts of the frames given but not flushed yet. */
    public synchronized List<String> queued() {
        return queued.stream().map(OutboundFrame::text).toList();
    }

    public List<JsonObject> sentJson() {
        return sent().stream().map(Json::parse).toList();
    }

    /** The event names of the frames flushed so far, in order. */
    public List<String> sentEvents() {
        return sentJson().stream().map(frame -> frame.getString("event")).toList();
    }

    /** The flushed frames of one event. */
    public List<JsonObject> sent(String event) {
        return sentJson().stream().filter(frame -> event.equals(frame.getString("event"))).toList();
    }

    /** Forgets what was flushed so far, so a test can look at what comes next. */
    public synchronized void clearSent() {
        sent.clear();
    }

    @Override
    public String toString() {
        return "FakeSocket " + socketId;
    }
}
