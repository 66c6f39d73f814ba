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
 * Periodic and one-off work on the container's managed scheduler: the heartbeat, channel housekeeping,
 * cluster connection counts, webhook windows and retries. A task that throws is logged and runs again at its next tick (a scheduled task
 * that throws would otherwise never run again); everything stops with the application.
 */
@ApplicationScoped
public class Ticks {

    private static final System.Logger LOG = System.getLogger(Ticks.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> running = new CopyOnWriteArrayList<>();
    private final java.util.Set<ScheduledFuture<?>> once = java.util.concurrent.ConcurrentHashMap.newKeySet();

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

    /**
     * Runs {@code task} once, {@code delayMs} from now (webhook batch windows and retries). The returned
     * handle cancels it; an exception is logged, as for the periodic tasks.
     */
    public Runnable later(long delayMs, String what, Runnable task) {
        if (once.size() > 1024) {
            once.removeIf(java.util.concurrent.Future::isDone); // kept only so that stop() can cancel them
        }
        ScheduledFuture<?> future = scheduler.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed", e);
            }
        }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        once.add(future);
        return () -> {
            future.cancel(false);
            once.remove(future);
        };
    }

    @PreDestroy
    void stop() {
        running.forEach(future -> future.cancel(false));
        once.forEach(future -> future.cancel(false));
    }
}
