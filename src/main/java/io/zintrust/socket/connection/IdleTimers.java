package io.zintrust.socket.connection;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;

import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Takes Tyrus's idle-timeout timer off the hot path. Tyrus cancels and reschedules a timer task for
 * every frame it sends, on Payara's default managed scheduled executor, which captures the caller's
 * context for each task with a class-path scan: profiling showed that, not the network, as the cost of
 * fan-out. Each session gets instead a plain timer (threads from the container's managed thread
 * factory, context captured once), and a one-day idle timeout so the task is a heap insert, never a
 * run: the heartbeat, not Tyrus, decides when a socket is idle. Where Tyrus's internals differ, the
 * session keeps the container's timer and only loses speed.
 */
@ApplicationScoped
public class IdleTimers {

    private static final System.Logger LOG = System.getLogger(IdleTimers.class.getName());
    private static final long IDLE_TIMEOUT_MILLIS = TimeUnit.DAYS.toMillis(1);

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor timer;
    private Field service;

    @PostConstruct
    void start() {
        timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setRemoveOnCancelPolicy(true);
        try {
            Field field = Class.forName("org.glassfish.tyrus.core.TyrusSession").getDeclaredField("service");
            if (ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                service = field;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "Tyrus sessions keep the container's idle timer: " + e);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    void apply(Session session) {
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        if (service != null && service.getDeclaringClass().isInstance(session)) {
            try {
                service.set(session, timer);
            } catch (IllegalAccessException | RuntimeException e) {
                service = null;
                LOG.log(Level.INFO, "Tyrus sessions keep the container's idle timer: " + e);
            }
        }
    }
}
