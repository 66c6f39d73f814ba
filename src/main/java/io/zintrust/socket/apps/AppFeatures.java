package io.zintrust.socket.apps;

/**
 * Per-app switches.
 *
 * @param clientEvents       {@code client-*} events on private and presence channels
 * @param userAuthentication "authorized connections": a socket must sign in within {@code signinDeadline}
 * @param signinDeadline     seconds a socket has to sign in when {@code userAuthentication} is on
 * @param watchlist          online/offline watchlist events for signed-in users
 * @param subscriptionCount  {@code pusher_internal:subscription_count} events (not on presence channels)
 */
public record AppFeatures(boolean clientEvents, boolean userAuthentication, int signinDeadline, boolean watchlist,
                          boolean subscriptionCount) {

    public static final AppFeatures DEFAULTS = new AppFeatures(true, false, 30, false, false);

    public AppFeatures withClientEvents(boolean enabled) {
        return new AppFeatures(enabled, userAuthentication, signinDeadline, watchlist, subscriptionCount);
    }
}
