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
 * {@link Backoff} until a 2xx or until its deadline, then given up with one log line. Where batches are
 * kept durably, each is kept before its first attempt (in the order submitted, on the executor) and
 * forgotten once delivered or given up; one that another instance took over is dropped here.
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
    private final PendingBatches store;

    private final Deque<Batch> queue = new ArrayDeque<>();
    private final Deque<Batch> unkept = new ArrayDeque<>(); // submitted, not yet kept: the queue's order
    private boolean keeping;
    private boolean headWaits; // the head's first attempt waits for it to be kept
    private boolean busy;
    private int failures;
    private boolean waiting; // a failed batch waits for its backoff
    private Runnable retry;
    private long finalDeadlineMs = Long.MAX_VALUE;
    private volatile Outcomes outcomes = (batch, outcome) -> {
    };

    /** Told each attempt's result: {@code delivered}, {@code failed: <why>}, {@code given up: <why>}. */
    interface Outcomes {
        void told(Batch batch, String outcome);
    }

    void tellOutcomesTo(Outcomes listener) {
        outcomes = listener;
    }

    Delivery(String name, WebhookSender sender, Executor executor, Later later, LongSupplier clock, QueueBound bound,
             WebhookStats stats, PendingBatches store) {
        this.store = store;
        this.name = name;
        this.sender = sender;
        this.executor = executor;
        this.later = later;
        this.clock = clock;
        this.bound = bound;
        this.stats = stats;
    }

    /** Queues a batch; keeping and attempts run on the executor, never on the caller's thread. */
    void submit(Batch batch) {
        boolean durable = store.durable();
        boolean keep = false;
        boolean start;
        synchronized (this) {
            queue.addLast(batch);
            if (durable) {
                unkept.addLast(batch);
                keep = !keeping;
                keeping = true;
            }
            start = !busy;
            busy = true;
        }
        if (keep) {
            execute(this::keepAll);
        }
        if (start) {
            execute(this::attemptHead);
        }
    }

    /** Queues batches another instance made and can no longer send (already kept, now owned here). */
    void adopt(Batch batch) {
        if (clock.getAsLong() > batch.deadlineMs()) {
            stats.givenUp.incrementAndGet();
            LOG.log(Level.WARNING, "Webhook batch " + batch.id() + " to " + name + ", taken over from a lost instance,"
                    + " is past its retry window (SOCKET_WEBHOOK_RETRY_S): given up");
            forget(batch);
            return;
        }
        bound.takeAdopted(batch.events());
        boolean start;
        synchronized (this) {
            queue.addLast(batch);
            start = !busy;
            busy = true;
        }
        stats.adopted.incrementAndGet();
        if (start) {
            execute(this::attemptHead);
        }
    }

    private void keepAll() {
        while (true) {
            Batch batch;
            synchronized (this) {
                batch = unkept.peekFirst();
                if (batch == null) {
                    keeping = false;
                    return;
                }
            }
            boolean resume;
            try {
                store.keep(batch);
            } catch (RuntimeException e) {
                // the grid is leaving (shutdown) or unreachable: the batch is still delivered from memory
                LOG.log(Level.WARNING, "Webhook batch " + batch.id() + " to " + name
                        + " is kept in memory only: " + describe(e));
            } finally {
                synchronized (this) {
                    if (unkept.peekFirst() == batch) { // a second keeper (shutdown) may have got here first
                        unkept.pollFirst();
                    }
                    resume = headWaits && queue.peekFirst() == batch;
                    if (resume) {
                        headWaits = false;
                    }
                }
            }
            if (resume) {
                execute(this::attemptHead);
            }
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
        boolean keep;
        Runnable cancel;
        synchronized (this) {
            finalDeadlineMs = deadlineMs;
            now = waiting;
            waiting = false;
            cancel = retry;
            retry = null;
            // the keeper queued on the container's executor may never run now
            keep = !unkept.isEmpty();
            keeping |= keep;
        }
        if (keep) {
            execute(this::keepAll);
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
            if (unkept.peekFirst() == batch) {
                headWaits = true; // keepAll resumes it
                return;
            }
        }
        CompletableFuture<Integer> attempt;
        try {
            attempt = sender.post(batch);
        } catch (RuntimeException | LinkageError e) {
            // a LinkageError: the application's class loader closed under a stop; counted as a failed attempt
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((status, error) -> answered(batch, status, error));
    }

    private void answered(Batch batch, Integer status, Throwable error) {
        if (error == null && status != null && status >= 200 && status < 300) {
            stats.delivered.incrementAndGet();
            outcomes.told(batch, "delivered (HTTP " + status + ")");
            forget(batch);
            done(batch);
            return;
        }
        stats.failedAttempts.incrementAndGet();
        String why = error == null ? "HTTP " + status : describe(error);
        outcomes.told(batch, "failed (" + why + ")");
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
            boolean expired = now + delay > batch.deadlineMs();
            stats.givenUp.incrementAndGet();
            LOG.log(Level.WARNING, "Webhook batch " + batch.id() + " (" + batch.events() + " event(s) of app "
                    + batch.app().id() + ") to " + name + " given up after " + failures + " attempt(s), the last: "
                    + why + (expired ? " (SOCKET_WEBHOOK_RETRY_S)" : " (shutdown"
                    + (store.durable() ? "; left in the data grid for another instance)" : ")")));
            if (expired) {
                forget(batch); // at shutdown a durable batch stays kept: a survivor takes it over
            }
            done(batch);
            return;
        }
        if (!ours(batch)) {
            stats.handedOver.incrementAndGet();
            LOG.log(Level.INFO, "Webhook batch " + batch.id() + " to " + name
                    + " was taken over by another instance; it is retried there");
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

    private boolean ours(Batch batch) {
        try {
            return store.stillOurs(batch);
        } catch (RuntimeException e) {
            return true; // cannot tell: keep trying, at worst the receiver gets it twice
        }
    }

    private void forget(Batch batch) {
        try {
            store.forget(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Webhook batch " + batch.id() + " could not be forgotten: " + describe(e));
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
