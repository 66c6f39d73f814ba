package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;

import java.util.Map;

/** The subscriptions other instances of a cluster hold, for channel queries of the HTTP API. */
public interface RemoteChannels {

    /** Subscriptions to the channel on the other instances; 0 when running alone. */
    int subscriptionsElsewhere(App app, String channel);

    /** Channel name to subscriptions on the other instances, for occupied channels starting with {@code prefix}. */
    Map<String, Integer> occupiedElsewhere(App app, String prefix);
}
