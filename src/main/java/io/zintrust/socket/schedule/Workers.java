package io.zintrust.socket.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Short tasks that happen once per socket or per burst (releasing a closed socket's state, closing a
 * socket off the writing thread, applying a burst of cluster messages), on a few threads of the
 * container's {@link ManagedThreadFactory}. Payara's managed executor captures the caller's context for
 * every task it is given, and that capture scans the class path for context providers: about a third of
 * the server's CPU for a socket that connects and leaves. These threads are container-managed and took
 * the application's context once, when they started.
 */
@ApplicationScoped
public class Workers implements Executor {

    /** Enough for releases that wait on the data grid, few enough to stay idle-cheap. */
    private static final int THREADS = Math.max(4, Runtime.getRuntime().availableProcessors());

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the task on a worker; while the application stops (the pool no longer takes tasks), right here. */
    @Override
    public void execute(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
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
