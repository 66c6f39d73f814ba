package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One target's queue: in order, one in flight, retried with backoff until a 2xx or the deadline. */
class DeliveryTest {

    private static final App APP = new App("1", "k", "s");

    private final FakeTime time = new FakeTime();
    private final WebhookStats stats = new WebhookStats();
    private final QueueBound bound = new QueueBound("t", 100, stats, time);
    private final List<String> attempts = new ArrayList<>();
    private final List<Long> attemptTimes = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<CompletableFuture<Integer>> hanging = new ArrayList<>();
    private boolean hang;

    private final WebhookSender sender = batch -> {
        attempts.add(batch.id());
        attemptTimes.add(time.getAsLong());
        if (hang) {
            CompletableFuture<Integer> future = new CompletableFuture<>();
            hanging.add(future);
            return future;
        }
        Integer status = answers.isEmpty() ? 200 : answers.poll();
        return status < 0 ? CompletableFuture.failedFuture(new java.io.IOException("refused"))
                : CompletableFuture.completedFuture(status);
    };
    private final Delivery delivery = new Delivery("t", sender, Runnable::run, time, time, bound, stats,
            PendingBatches.IN_MEMORY);

    /** A durable store that notes what it is asked, in order with the attempts. */
    private final class Store implements PendingBatches {
        final List<String> calls = new ArrayList<>();
        final java.util.Set<String> takenOver = new java.util.HashSet<>();

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void keep(Batch batch) {
            calls.add("keep " + batch.id());
        }

        @Override
        public boolean stillOurs(Batch batch) {
            calls.add("ours? " + batch.id());
            return !takenOver.contains(batch.id());
        }

        @Override
        public void forget(Batch batch) {
            calls.add("forget " + batch.id());
        }
    }

    private final Store store = new Store();
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final WebhookSender notingSender = batch -> {
        store.calls.add("post " + batch.id());
        return sender.post(batch);
    };
    /** Durable, and the executor runs its tasks only when the test says so. */
    private final Delivery durable = new Delivery("t", notingSender, tasks::add, time, time, bound, stats, store);

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    private Batch batch(String id, long retryMs) {
        bound.take();
        return new Batch(id, APP, WebhookTarget.everything(URI.create("http://h.example")), "{}", 1, time.getAsLong(),
                time.getAsLong() + retryMs);
    }

    @Test
    void a_failed_batch_is_retried_with_backoff_until_a_2xx_with_the_same_id() {
        answers.addAll(List.of(500, -1, 404, 204));
        long start = time.getAsLong();
        delivery.submit(batch("a", 300_000));
        time.advance(10_000);
        assertEquals(List.of("a", "a", "a", "a"), attempts);
        assertEquals(List.of(start, start + 1000, start + 3000, start + 7000), attemptTimes);
        assertEquals(1, stats.delivered.get());
        assertEquals(3, stats.failedAttempts.get());
        assertTrue(delivery.idle());
        assertEquals(0, bound.held());
    }

    @Test
    void a_batch_still_failing_at_its_deadline_is_given_up_and_the_next_one_goes() {
        answers.addAll(List.of(500, 500, 500, 500, 500));
        delivery.submit(batch("a", 6_000));
        delivery.submit(batch("b", 60_000));
        assertEquals(List.of("a"), attempts, "b waits behind a");
        time.advance(3_000); // attempts at 0, 1 s, 3 s; the next would be at 7 s, past the deadline
        assertEquals(List.of("a", "a", "a", "b"), attempts, "b goes as soon as a is given up");
        assertEquals(1, stats.givenUp.get());
        time.advance(10_000);
        assertEquals(List.of("a", "a", "a", "b", "b", "b"), attempts);
        assertEquals(1, stats.delivered.get());
        assertTrue(delivery.idle());
        assertEquals(0, bound.held());
    }

    @Test
    void one_batch_in_flight_at_a_time_and_shutdown_tries_a_waiting_retry_at_once() {
        hang = true;
        delivery.submit(batch("a", 300_000));
        delivery.submit(batch("b", 300_000));
        assertEquals(List.of("a"), attempts);
        hang = false;
        answers.add(503);
        hanging.get(0).complete(500);
        assertEquals(List.of("a"), attempts, "a waits a second for its retry; b does not overtake it");
        delivery.finishBy(time.getAsLong() + 10_000, sender, Runnable::run);
        long deadline = System.currentTimeMillis() + 5000;
        while (!delivery.idle() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(delivery.idle());
        assertEquals(List.of("a", "a", "a", "b"), attempts, "503 then 200 for a, then b");
        assertEquals(2, stats.delivered.get());
    }

    @Test
    void a_durable_batch_is_kept_before_its_first_attempt_and_forgotten_once_delivered() {
        durable.submit(batch("a", 60_000));
        durable.submit(batch("b", 60_000));
        assertTrue(store.calls.isEmpty(), "nothing on the submitting thread");
        runTasks();
        assertEquals(List.of("keep a", "keep b", "post a", "forget a", "post b", "forget b"), store.calls);
        assertTrue(durable.idle());
        assertEquals(0, bound.held());
    }

    @Test
    void a_failed_durable_batch_asks_whether_it_is_still_ours_and_a_given_up_one_is_forgotten() {
        answers.addAll(List.of(500, 500, 500));
        durable.submit(batch("a", 2_500));
        runTasks();
        time.advance(1_000);
        runTasks();
        assertEquals(List.of("keep a", "post a", "ours? a", "post a"), store.calls.subList(0, 4));
        time.advance(3_000);
        runTasks();
        assertEquals("forget a", store.calls.get(store.calls.size() - 1));
        assertEquals(1, stats.givenUp.get());
    }

    @Test
    void a_batch_another_instance_took_over_is_dropped_here_and_the_next_one_goes() {
        answers.addAll(List.of(500));
        store.takenOver.add("a");
        durable.submit(batch("a", 60_000));
        durable.submit(batch("b", 60_000));
        runTasks();
        assertEquals(List.of("keep a", "keep b", "post a", "ours? a", "post b", "forget b"), store.calls);
        assertEquals(1, stats.handedOver.get());
        time.advance(60_000);
        runTasks();
        assertEquals(List.of("a", "b"), attempts, "a is not retried here");
        assertEquals(0, bound.held());
    }

    @Test
    void batches_taken_over_from_a_lost_instance_go_in_order_even_over_the_bound_and_are_not_kept_again() {
        QueueBound full = new QueueBound("t", 0, stats, time);
        Delivery adopter = new Delivery("t", notingSender, tasks::add, time, time, full, stats, store);
        WebhookTarget target = WebhookTarget.everything(URI.create("http://h.example"));
        long now = time.getAsLong();
        adopter.adopt(new Batch("x", APP, target, "{}", 5, now - 2, now + 60_000));
        adopter.adopt(new Batch("y", APP, target, "{}", 5, now - 1, now + 60_000));
        assertEquals(10, full.held());
        runTasks();
        assertEquals(List.of("post x", "forget x", "post y", "forget y"), store.calls);
        assertEquals(2, stats.adopted.get());
        assertEquals(0, full.held());
    }

    @Test
    void a_first_attempt_that_comes_before_the_batch_is_kept_waits_for_it() {
        Deque<Runnable> lifo = new ArrayDeque<>();
        Delivery delivery = new Delivery("t", notingSender, lifo::push, time, time, bound, stats, store);
        delivery.submit(batch("a", 60_000));
        // last in, first out: the attempt task runs before the keeper
        for (Runnable task = lifo.poll(); task != null; task = lifo.poll()) {
            task.run();
        }
        assertEquals(List.of("keep a", "post a", "forget a"), store.calls);
        assertTrue(delivery.idle());
    }

    @Test
    void at_shutdown_a_durable_batch_still_failing_stays_kept_for_another_instance() {
        answers.addAll(List.of(500, 500, 500, 500));
        durable.submit(batch("a", 300_000));
        runTasks();
        durable.finishBy(time.getAsLong() + 500, notingSender, tasks::add);
        runTasks();
        time.advance(5_000);
        runTasks();
        assertEquals(1, stats.givenUp.get());
        assertTrue(store.calls.stream().noneMatch(call -> call.startsWith("forget")), store.calls.toString());
        assertTrue(durable.idle());
    }

    @Test
    void a_batch_taken_over_past_its_retry_window_is_given_up_and_forgotten_unsent() {
        long made = time.getAsLong();
        time.advance(10_000);
        durable.adopt(new Batch("old", APP, WebhookTarget.everything(URI.create("http://h.example")), "{}", 1, made,
                made + 5_000));
        runTasks();
        assertEquals(List.of("forget old"), store.calls);
        assertEquals(1, stats.givenUp.get());
        assertEquals(0, bound.held());
    }
}
