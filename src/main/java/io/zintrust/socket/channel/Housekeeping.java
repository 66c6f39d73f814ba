package io.zintrust.socket.channel;

import io.zintrust.socket.apps.SocketSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Once a second: throttled subscription counts that are due, and expired cache entries. */
@ApplicationScoped
public class Housekeeping {

    @Inject
    SocketSettings settings;
    @Inject
    SubscriptionCounts counts;
    @Inject
    CacheChannels cache;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweep;

    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (settings.enabled()) {
            sweep = scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    void sweep() {
        try {
            counts.sendPending();
            cache.expire();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep sweeping
            System.getLogger(Housekeeping.class.getName()).log(Level.WARNING, "Channel housekeeping failed", e);
        }
    }
}
