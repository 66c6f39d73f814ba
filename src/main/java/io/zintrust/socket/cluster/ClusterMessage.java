package io.zintrust.socket.cluster;

import java.util.List;
import java.util.Map;

/** What instances tell each other over the grid's topic; {@link ClusterCodec} writes and reads them. */
sealed interface ClusterMessage {

    String appId();

    /** A server event published on another instance, for this instance's subscribers. */
    record Publish(String appId, List<String> channels, String event, String data, String exceptSocketId)
            implements ClusterMessage {
    }

    /** An encoded frame (client event, member event) for the channel's subscribers here. */
    record Relay(String appId, String channel, String frame) implements ClusterMessage {
    }

    /** terminate_connections: close the user's sockets here. */
    record Terminate(String appId, String userId) implements ClusterMessage {
    }

    /** A watched user went online or offline: its watchers here hear it. */
    record Watch(String appId, String userId, boolean online) implements ClusterMessage {
    }

    /** A channel query: {@code channel} names one channel, or null to list those starting with {@code prefix}. */
    record Ask(String id, String appId, String channel, String prefix) implements ClusterMessage {
    }

    /** One instance's answer: its subscriptions to the channel asked about, or per occupied channel. */
    record Answer(String id, String appId, int subscriptions, Map<String, Integer> channels) implements ClusterMessage {
    }
}
