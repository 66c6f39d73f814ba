package io.zintrust.socket.webhooks;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The batches of one target, first in first out, one in flight: a later batch never overtakes one that
 * is being retried, and a receiver that is down holds up only its own queue. A batch is retried with
 * {@link Backoff} until a 2xx or until its deadline, then given up with one log line.
 */
final class Delivery {

    private static final System.Logger LOG = System.getLogger(Delivery.class.getName());
    private static final long FINAL_RETRY_MS = 1000;

    private final String name;
    // replaced at shutdown: the container's executor may no longer run what it is given by then
    private volatile WebhookSender sender;
    private volatile Executor executor;
    private final Later later;
    private final LongSupplier clock;
    private final QueueBound bound;
    private final WebhookStats stats;

    private final Deque<Batch> queue = new ArrayDeque<>();
    private boolean busy;
    private int failures;
    private boolean waiting; // a failed batch waits for its backoff
    private Runnable retry;
    private long finalDeadlineMs = Long.MAX_VALUE;

    Delivery(String name, WebhookSender sender, Executor executor, Later later, LongSupplier clock, QueueBound bound,
             WebhookStats stats) {
        this.name = name;
        this.sender = sender;
        this.executor = executor;
        this.later = later;
        this.clock = clock;
        this.bound = bound;
        this.stats = stats;
    }

    /** Queues a batch; the attempt starts on the executor, never on the caller's thread. */
    void submit(Batch batch) {
        boolean start;
        synchronized (this) {
            queue.addLast(batch);
            start = !busy;
            busy = true;
        }
        if (start) {
            execute(this::attemptHead);
        }
    }

    /**
     * Shutdown: from now on attempts go through {@code shutdownSender} on {@code shutdownExecutor}, a failed batch is tried again after at most a second, and nothing is tried
     * after {@code deadlineMs}; a retry waiting for its backoff is tried at once.
     */
    void finishBy(long deadlineMs, WebhookSender shutdownSender, Executor shutdownExecutor) {
        sender = shutdownSender;
        executor = shutdownExecutor;
        boolean now;
        Runnable cancel;
        synchronized (this) {
            finalDeadlineMs = deadlineMs;
            now = waiting;
            waiting = false;
            cancel = retry;
            retry = null;
        }
        if (now) {
            if (cancel != null) {
                cancel.run();
            }
            execute(this::attemptHead);
        }
    }

    synchronized boolean idle() {
        return !busy && queue.isEmpty();
    }

    private void attemptHead() {
        Batch batch;
        synchronized (this) {
            batch = queue.peekFirst();
            if (batch == null) {
                busy = false;
                return;
            }
        }
        CompletableFuture<Integer> attempt;
        try {
            attempt = sender.post(batch);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((status, error) -> answered(batch, status, error));
    }

    private void answered(Batch batch, Integer status, Throwable error) {
        if (error == null && status != null && status >= 200 && status < 300) {
            stats.delivered.incrementAndGet();
            done(batch);
            return;
        }
        stats.failedAttempts.incrementAndGet();
        String why = error == null ? "HTTP " + status : describe(error);
        long now = clock.getAsLong();
        long delay;
        boolean last;
        synchronized (this) {
            failures++;
            delay = finalDeadlineMs == Long.MAX_VALUE ? Backoff.delayMs(failures)
                    : Math.min(FINAL_RETRY_MS, Backoff.delayMs(failures));
            last = now + delay > Math.min(batch.deadlineMs(), finalDeadlineMs);
        }
        if (last) {
            stats.givenUp.incrementAndGet();
            LOG.log(Level.WARNING, "Webhook batch " + batch.id() + " (" + batch.events() + " event(s) of app "
                    + batch.app().id() + ") to " + name + " given up after " + failures + " attempt(s), the last: "
                    + why + (now + delay > batch.deadlineMs() ? " (SOCKET_WEBHOOK_RETRY_S)" : " (shutdown)"));
            done(batch);
            return;
        }
        LOG.log(Level.DEBUG, () -> "Webhook batch " + batch.id() + " to " + name + " failed (" + why
                + "); next attempt in " + delay + " ms");
        boolean shuttingDown;
        synchronized (this) {
            waiting = true;
            shuttingDown = finalDeadlineMs != Long.MAX_VALUE;
        }
        Runnable cancel = shuttingDown ? afterShutdownDelay(delay) : later.later(delay, this::retryDue);
        synchronized (this) {
            if (waiting) {
                retry = cancel;
            }
        }
    }

    private void retryDue() {
        synchronized (this) {
            if (!waiting) {
                return; // shutdown took it over
            }
            waiting = false;
            retry = null;
        }
        attemptHead();
    }

    /** The container's scheduler may already be gone while the application stops. */
    private Runnable afterShutdownDelay(long delay) {
        CompletableFuture<Void> run = CompletableFuture.runAsync(this::retryDue,
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        return () -> run.cancel(false);
    }

    private void done(Batch batch) {
        bound.release(batch.events());
        boolean more;
        synchronized (this) {
            queue.pollFirst();
            failures = 0;
            more = !queue.isEmpty();
            busy = more;
        }
        if (more) {
            execute(this::attemptHead);
        }
    }

    private void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            CompletableFuture.runAsync(task); // the container's executor stops before the application's last flush
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within the timeout";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
