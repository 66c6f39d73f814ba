package io.zintrust.socket.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Short tasks that happen once per socket (releasing a closed socket's state, closing a socket off the
 * thread that found it must close), on a few threads of the container's {@link ManagedThreadFactory}.
 * Payara's managed executor captures the caller's context for every task it is given, and that capture
 * scans the class path for context providers: about a third of the server's CPU for a socket that
 * connects and leaves. These threads are started with the application, are container-managed, and took
 * its context once.
 */
@ApplicationScoped
public class Workers implements Executor {

    /** Enough for releases that wait on the data grid, few enough to cost nothing while idle. */
    private static final int THREADS = Math.max(4, Runtime.getRuntime().availableProcessors());

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.prestartAllCoreThreads();
    }

    /** Started with the application, so every thread takes its context from a thread of the application. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing is enough: CDI creates this bean, and with it its threads, now
    }

    /**
     * Runs the task on a worker. While the application stops (the pool or the container's factory no
     * longer takes tasks) it still runs, on a JDK thread: never on the caller, who may hold a state
     * owner's lock.
     */
    @Override
    public void execute(Runnable task) {
        try {
            pool.execute(task);
        } catch (RuntimeException stopping) {
            CompletableFuture.runAsync(task);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
