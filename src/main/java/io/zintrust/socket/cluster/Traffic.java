package io.zintrust.socket.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Cluster messages per app, in and out of this instance (a counter bump per message, read at a scrape). */
final class Traffic {

    private final Map<String, LongAdder> in = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> out = new ConcurrentHashMap<>();

    void received(String appId) {
        in.computeIfAbsent(appId, id -> new LongAdder()).increment();
    }

    void sent(String appId) {
        out.computeIfAbsent(appId, id -> new LongAdder()).increment();
    }

    long in(String appId) {
        LongAdder count = in.get(appId);
        return count == null ? 0 : count.sum();
    }

    long out(String appId) {
        LongAdder count = out.get(appId);
        return count == null ? 0 : count.sum();
    }
}
