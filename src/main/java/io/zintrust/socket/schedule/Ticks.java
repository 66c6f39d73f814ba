package io.zintrust.socket.schedule;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Periodic work on the container's managed scheduler: the heartbeat, channel housekeeping, cluster
 * connection counts. A task that throws is logged and runs again at its next tick (a scheduled task
 * that throws would otherwise never run again); everything stops with the application.
 */
@ApplicationScoped
public class Ticks {

    private static final System.Logger LOG = System.getLogger(Ticks.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> running = new CopyOnWriteArrayList<>();

    /** Runs {@code task} every second, the first time a second from now. */
    public void everySecond(String what, Runnable task) {
        running.add(scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        running.forEach(future -> future.cancel(false));
    }
}
