package io.zintrust.socket.activity;

/**
 * Hears every {@link Activity}, on the thread that caused it, after the state changed and with no lock
 * of a state owner held. A listener must return quickly and never throw into the caller's work; what
 * it needs to do at length it hands to an executor of its own.
 */
public interface ActivityListener {

    void on(Activity activity);
}
