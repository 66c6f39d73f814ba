package io.zintrust.socket.testing;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.AppFeatures;
import io.zintrust.socket.apps.AppLimits;

/** An enabled app with Pusher's default switches and limits but those a test changes. */
public final class AppBuilder {

    private final String id;
    private AppFeatures features = AppFeatures.DEFAULTS;
    private int maxConnections = AppLimits.DEFAULTS.maxConnections();
    private int maxEventBytes = AppLimits.DEFAULTS.maxEventBytes();
    private int maxEventNameLength = AppLimits.DEFAULTS.maxEventNameLength();
    private int maxPresenceMembers = AppLimits.DEFAULTS.maxPresenceMembers();
    private int maxPresenceUserInfoBytes = AppLimits.DEFAULTS.maxPresenceUserInfoBytes();
    private int clientEventsPerSecond = AppLimits.DEFAULTS.clientEventsPerSecond();
    private int cacheTtlSeconds = AppLimits.DEFAULTS.cacheTtlSeconds();

    private AppBuilder(String id) {
        this.id = id;
    }

    /** App {@code id} with key {@code id-key} and secret {@code id-secret}. */
    public static AppBuilder app(String id) {
        return new AppBuilder(id);
    }

    public AppBuilder clientEvents(boolean on) {
        features = new AppFeatures(on, features.userAuthentication(), features.signinDeadline(), features.watchlist(),
                features.subscriptionCount());
        return this;
    }

    public AppBuilder watchlist() {
        features = new AppFeatures(features.clientEvents(), features.userAuthentication(), features.signinDeadline(),
                true, features.subscriptionCount());
        return this;
    }

    public AppBuilder subscriptionCount() {
        features = new AppFeatures(features.clientEvents(), features.userAuthentication(), features.signinDeadline(),
                features.watchlist(), true);
        return this;
    }

    public AppBuilder maxConnections(int value) {
        maxConnections = value;
        return this;
    }

    public AppBuilder maxEventBytes(int value) {
        maxEventBytes = value;
        return this;
    }

    public AppBuilder maxEventNameLength(int value) {
        maxEventNameLength = value;
        return this;
    }

    public AppBuilder maxPresenceMembers(int value) {
        maxPresenceMembers = value;
        return this;
    }

    public AppBuilder maxPresenceUserInfoBytes(int value) {
        maxPresenceUserInfoBytes = value;
        return this;
    }

    public AppBuilder clientEventsPerSecond(int value) {
        clientEventsPerSecond = value;
        return this;
    }

    public AppBuilder cacheTtlSeconds(int value) {
        cacheTtlSeconds = value;
        return this;
    }

    public App build() {
        AppLimits d = AppLimits.DEFAULTS;
        return new App(id, id + "-key", id + "-secret", true, features,
                new AppLimits(maxConnections, maxEventBytes, d.maxChannelsPerEvent(), d.maxBatchEvents(),
                        maxEventNameLength, d.maxChannelNameLength(), maxPresenceMembers, maxPresenceUserInfoBytes,
                        clientEventsPerSecond, cacheTtlSeconds));
    }
}
