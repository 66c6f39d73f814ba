package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;

/**
 * Whether a channel has subscribers anywhere, and how many, beyond this instance. The registry knows
 * this instance's subscribers; the ledger adds every instance's, so a channel is occupied when its first
 * subscriber anywhere arrives and vacated when its last one anywhere leaves. Deciding costs a data-grid
 * call in a cluster, so it is asked only for the apps that {@link #follows follow} occupancy.
 */
public interface OccupancyLedger {

    /** What one instance's change made of a channel's occupancy. */
    record Occupancy(boolean wasEmpty, boolean nowEmpty, int total) {
    }

    /**
     * Whether the app's occupancy is decided at all: always when running alone (it costs nothing), in a
     * cluster only for apps whose webhooks want occupied, vacated or subscription count events.
     */
    boolean follows(App app);

    /** This instance now has {@code here} subscribers on the channel (0: none, it left). */
    Occupancy changed(String appId, String channel, int here);
}
