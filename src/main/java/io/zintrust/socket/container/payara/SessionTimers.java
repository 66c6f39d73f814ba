package io.zintrust.socket.container.payara;

import io.zintrust.socket.apps.SocketSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Tyrus re-arms a session's idle timer on every frame it receives (and once when the socket opens), on
 * the container's default managed scheduled executor. Payara's executor captures the caller's context
 * for each task, and that capture looks up context providers with a ServiceLoader scan of the whole
 * class path: most of the server's cost of accepting a socket and of each client message, and a
 * finished task kept per socket. This application's websocket container gets instead a scheduler whose
 * threads come from the container's {@link ManagedThreadFactory}: container-managed threads, context
 * captured once per thread, nothing per task. The timers themselves never fire for us (sessions have
 * no idle timeout; the heartbeat finds silent clients). Off with SOCKET_DIRECT_WRITES=false, which
 * keeps every socket on portable APIs.
 */
@ApplicationScoped
public class SessionTimers {

    private static final System.Logger LOG = System.getLogger(SessionTimers.class.getName());

    @Inject
    SocketSettings settings;
    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor timers;

    void install(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (!settings.enabled() || !settings.directWrites()
                || !(context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container)) {
            return;
        }
        Field field = managedScheduler(container.getClass());
        if (field == null) {
            LOG.log(Level.INFO, "Websocket session timers stay on the container's scheduler ("
                    + container.getClass().getName() + ")");
            return;
        }
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, threads);
        own.setRemoveOnCancelPolicy(true);
        try {
            field.set(container, own);
            timers = own;
            LOG.log(Level.INFO, "Websocket session timers run on a scheduler of container-managed threads");
        } catch (ReflectiveOperationException | RuntimeException e) {
            own.shutdownNow();
            LOG.log(Level.INFO, "Websocket session timers stay on the container's scheduler (" + e + ")");
        }
    }

    @PreDestroy
    void stop() {
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    private static Field managedScheduler(Class<?> type) {
        try {
            Field field = PrivateField.of(type, "managedScheduledExecutorService");
            return ScheduledExecutorService.class.isAssignableFrom(field.getType()) ? field : null;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
