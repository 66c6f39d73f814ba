package io.zintrust.socket.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this instance takes new sockets: not while it starts (until the websocket endpoint and every
 * startup observer are ready), then yes, and never again once it drains for shutdown. Readiness and
 * the websocket door read it; only the opening and the drain change it.
 */
@ApplicationScoped
public class ServingState {

    /** Where the instance is in its life. */
    public enum Phase {
        STARTING, SERVING, DRAINING;

        /** The phase as the health data names it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);

    public Phase phase() {
        return phase.get();
    }

    public boolean accepting() {
        return phase.get() == Phase.SERVING;
    }

    /** Starts taking sockets, unless a drain began first. */
    public void open() {
        phase.compareAndSet(Phase.STARTING, Phase.SERVING);
    }

    /** Stops taking sockets for good; true for the caller that began the drain. */
    public boolean drain() {
        return phase.getAndSet(Phase.DRAINING) != Phase.DRAINING;
    }
}
