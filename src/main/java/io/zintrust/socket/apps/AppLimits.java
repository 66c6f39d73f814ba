package io.zintrust.socket.apps;

/**
 * Per-app limits, Pusher's defaults unless configured. {@code maxConnections} of -1 means unlimited.
 */
public record AppLimits(int maxConnections, int maxEventBytes, int maxChannelsPerEvent, int maxBatchEvents,
                        int maxEventNameLength, int maxChannelNameLength, int maxPresenceMembers,
                        int maxPresenceUserInfoBytes, int clientEventsPerSecond, int cacheTtlSeconds) {

    public static final AppLimits DEFAULTS = new AppLimits(-1, 10 * 1024, 100, 10, 200, 200, 100, 2 * 1024, 10, 1800);
}
