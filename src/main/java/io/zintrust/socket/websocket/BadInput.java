package io.zintrust.socket.websocket;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.container.ClientFault;
import io.zintrust.socket.container.ContainerAccess;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What clients send that the server refuses, counted per kind. It is the client's doing, not a fault of
 * the server, and any client can send it as often as it likes: so one DEBUG (FINE) line each, without a
 * stack trace, never a WARNING. Metrics count the refusals per app from the event seam.
 */
@ApplicationScoped
public class BadInput {

    private static final System.Logger LOG = System.getLogger(BadInput.class.getName());

    public enum Kind {
        /** a frame the Pusher protocol refuses (not one JSON object, no event, unknown event, binary): 4302 */
        MALFORMED_FRAME,
        /** a client event refused (not allowed, not subscribed, too big, over the rate): 4301 */
        REJECTED_CLIENT_EVENT,
        /** a message over the socket's text buffer, sent in fragments: the container closes with 1009 */
        MESSAGE_TOO_BIG,
        /** one frame over Tyrus's incoming buffer: Tyrus closes with 1011 */
        FRAME_TOO_BIG,
        /** anything else the websocket container refused in what the client sent */
        UNDECODABLE_MESSAGE
    }

    @Inject
    Activities activities;

    private final Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);
    private AutoCloseable oversizedFrames;

    public BadInput() {
        for (Kind kind : Kind.values()) {
            counts.put(kind, new AtomicLong());
        }
    }

    /** Before the first socket: the container's log of an oversized frame is taken over here. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        oversizedFrames = ContainerAccess.reportOversizedFrames(() -> record(Kind.FRAME_TOO_BIG,
                "(unknown to the container's read handler)", "a frame over the container's incoming buffer"));
    }

    @PreDestroy
    void stop() {
        if (oversizedFrames != null) {
            try {
                oversizedFrames.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, () -> "Could not restore the container's log filter: " + e);
            }
        }
    }

    public long count(Kind kind) {
        return counts.get(kind).get();
    }

    /** A refusal on a socket of this app: counted per kind, and told on the event seam (metrics count it per app). */
    void record(Kind kind, App app, String socket, String detail) {
        record(kind, socket, detail);
        if (activities != null && (kind == Kind.MALFORMED_FRAME || kind == Kind.REJECTED_CLIENT_EVENT)) {
            activities.emit(new Activity.InputRefused(app, kind == Kind.REJECTED_CLIENT_EVENT));
        }
    }

    void record(Kind kind, String socket, String detail) {
        counts.get(kind).incrementAndGet();
        LOG.log(Level.DEBUG, () -> "Bad client input (" + kind + ") from socket " + socket + ": " + detail);
    }

    /** The kind of bad input a websocket error the container reported stands for; null when it is no client's doing. */
    static Kind kindOf(Throwable error) {
        return ContainerAccess.clientFault(error)
                .map(fault -> fault == ClientFault.MESSAGE_TOO_BIG ? Kind.MESSAGE_TOO_BIG : Kind.UNDECODABLE_MESSAGE)
                .orElse(null);
    }
}
