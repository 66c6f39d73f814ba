package io.zintrust.socket.webhooks;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.activity.ActivityListener;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.apps.WebhookSettings;
import io.zintrust.socket.apps.WebhookTarget;
import io.zintrust.socket.lifecycle.Draining;
import io.zintrust.socket.schedule.Ticks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Turns what happened into the apps' webhooks: each activity a target wants joins that target's open
 * batch, and closed batches are delivered on the container's executor. A publish, the hot path, costs
 * one type check here.
 */
@ApplicationScoped
public class WebhookListener implements ActivityListener {

    private static final System.Logger LOG = System.getLogger(WebhookListener.class.getName());
    /** Before the cluster leaves the grid (Draining observers). */
    private static final int FIRST = 100;

    @Inject
    SocketSettings settings;
    @Inject
    Ticks ticks;
    @Inject
    Instance<PendingBatches> pending;
    @Inject
    io.zintrust.socket.activity.Activities activities;
    @Resource
    ManagedExecutorService executor;

    private final Map<String, WebhookStats> stats = new java.util.concurrent.ConcurrentHashMap<>();
    private Map<String, Route[]> routes = Map.of();
    private WebhookSender shutdownSender;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    private Thread onExit;

    @PostConstruct
    void start() {
        start(new HttpWebhookSender(executor, Duration.ofMillis(settings.webhooks().timeoutMs())), executor,
                (delay, task) -> ticks.later(delay, "A webhook batch window or retry", task), System::currentTimeMillis,
                pending.isResolvable() ? pending.get() : PendingBatches.IN_MEMORY);
        if (!routes.isEmpty()) {
            // Payara Micro stopped by a signal ends the JVM without destroying the application's beans
            onExit = new Thread(this::stop, "zintrust-webhooks-flush");
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    void start(WebhookSender sender, Executor run, Later later, LongSupplier clock, PendingBatches store) {
        if (executor == null) {
            shutdownSender = sender; // outside the container (unit tests) the one sender is used throughout
        }
        routes = routes(settings.apps(), settings.webhooks(), sender, run, later, clock,
                app -> stats.computeIfAbsent(app, id -> new WebhookStats()), store);
        if (activities != null) {
            // the console's log shows each delivery attempt
            for (Route[] own : routes.values()) {
                for (Route route : own) {
                    route.delivery().tellOutcomesTo((batch, outcome) -> activities.emit(new Activity.WebhookSent(
                            batch.app(), batch.target().url().toString(), batch.events(), outcome)));
                }
            }
        }
        if (!routes.isEmpty()) {
            preloadForTheStop();
            LOG.log(Level.INFO, "ZinTrust Socket webhooks: " + routes.values().stream().mapToInt(r -> r.length).sum()
                    + " target(s); batches waiting for delivery are kept " + store.describe());
        }
    }

    /**
     * Payara Micro, when signalled, closes the application's class loader while the stop flush runs:
     * a class the flush would load only then (the first batch, the first signature) is loaded now.
     */
    private void preloadForTheStop() {
        for (App app : settings.apps()) {
            for (WebhookTarget target : app.webhooks()) {
                Batch batch = new Batch("preload", app, target, WebhookBody.of(0, List.of()), 0, 0, 0);
                WebhookBody.headers(app, target, batch.body(), batch.id());
                Backoff.delayMs(1);
                return;
            }
        }
    }

    /** Makes the webhooks start with the application, so its startup log says where batches are kept. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        routes.size();
    }

    static Map<String, Route[]> routes(List<App> apps, WebhookSettings settings, WebhookSender sender, Executor run,
                                       Later later, LongSupplier clock,
                                       java.util.function.Function<String, WebhookStats> statsOf, PendingBatches store) {
        Map<String, Route[]> routes = new HashMap<>();
        for (App app : apps) {
            if (app.webhooks().isEmpty()) {
                continue;
            }
            Route[] own = new Route[app.webhooks().size()];
            WebhookStats stats = statsOf.apply(app.id());
            for (int i = 0; i < own.length; i++) {
                WebhookTarget target = app.webhooks().get(i);
                String name = target.url() + " (app " + app.id() + ")";
                QueueBound bound = new QueueBound(name, settings.queueLimit(), stats, clock);
                Delivery delivery = new Delivery(name, sender, run, later, clock, bound, stats, store);
                own[i] = new Route(target, new Batcher(app, target, settings, later, clock, bound, delivery::submit),
                        delivery);
            }
            routes.put(app.id(), own);
        }
        return Map.copyOf(routes);
    }

    @Override
    public void on(Activity activity) {
        if (activity instanceof Activity.EventPublished || activity instanceof Activity.WebhookSent) {
            return;
        }
        Route[] own = routes.get(activity.app().id());
        if (own == null) {
            return;
        }
        OutgoingEvent event = WebhookEvents.of(activity);
        if (event == null) {
            return;
        }
        for (Route route : own) {
            if (route.target().wants(event.type(), event.channel())) {
                stats.get(activity.app().id()).queued.incrementAndGet();
                route.batcher().add(event);
            }
        }
    }

    /** The app's webhook counts on this instance; zeros for an app without webhooks. */
    public WebhookCounts counts(String appId) {
        WebhookStats own = stats.get(appId);
        return own == null ? WebhookCounts.NONE : own.counts();
    }

    /**
     * Takes over a batch another instance made and can no longer send; false when this instance has no
     * such target (the apps' configuration differs between instances).
     */
    public boolean adopt(Batch batch) {
        Route[] own = routes.get(batch.app().id());
        if (own != null) {
            for (Route route : own) {
                if (route.target().equals(batch.target())) {
                    route.delivery().adopt(batch);
                    return true;
                }
            }
        }
        return false;
    }

    /** Sends what is open and tries what is pending for a few seconds at most, then lets the rest go. */
    @PreDestroy
    void destroyed() {
        if (onExit != null && Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook runs stop() too, which then finds it done
            }
        }
        stop();
    }

    /**
     * The graceful stop: the sockets' last events (member_removed, channel_vacated ...) are in the open
     * batches by now; they are sent, with what is pending, before the grid goes.
     */
    void drained(@Observes @Priority(FIRST) Draining draining) {
        stop(draining.deadlineMillis());
    }

    void stop() {
        stop(System.currentTimeMillis() + settings.shutdownGrace() * 1000L);
    }

    void stop(long deadline) {
        if (routes.isEmpty() || !stopped.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.INFO, "ZinTrust Socket webhooks: sending open batches and trying pending ones for up to "
                + Math.max(0, (deadline - System.currentTimeMillis()) / 1000) + " s");
        // the container's executor may already have stopped running tasks: the last attempts use the JDK's
        WebhookSender last = shutdownSender != null ? shutdownSender
                : new HttpWebhookSender(null, Duration.ofMillis(settings.webhooks().timeoutMs()));
        for (Route[] own : routes.values()) {
            for (Route route : own) {
                route.delivery().finishBy(deadline, last, java.util.concurrent.ForkJoinPool.commonPool());
                route.batcher().flush();
            }
        }
        try {
            while (System.currentTimeMillis() < deadline && !allIdle()) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(allIdle() ? Level.INFO : Level.WARNING, "ZinTrust Socket webhooks stopped: " + WebhookStats.describe(stats.values())
                + (allIdle() ? "" : "; batches still pending were dropped"));
    }

    private boolean allIdle() {
        for (Route[] own : routes.values()) {
            for (Route route : own) {
                if (!route.delivery().idle()) {
                    return false;
                }
            }
        }
        return true;
    }
}
