package io.zintrust.socket.channel;

import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.schedule.Ticks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Once a second: throttled subscription counts that are due, and expired cache entries. */
@ApplicationScoped
public class Housekeeping {

    @Inject
    SocketSettings settings;
    @Inject
    SubscriptionCounts counts;
    @Inject
    CacheChannels cache;
    @Inject
    Ticks ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (settings.enabled()) {
            ticks.everySecond("Channel housekeeping", this::sweep);
        }
    }

    void sweep() {
        counts.sendPending();
        cache.expire();
    }
}
