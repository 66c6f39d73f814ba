package io.zintrust.socket.webhooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/** A clock and a scheduler that move only when a test says so. */
final class FakeTime implements Later, LongSupplier {

    private record Task(long dueMs, Runnable task, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nowMs = 1_000_000;

    @Override
    public long getAsLong() {
        return nowMs;
    }

    @Override
    public synchronized Runnable later(long delayMs, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(nowMs + delayMs, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves the clock, running what falls due on the way, in order. */
    void advance(long ms) {
        long until = nowMs + ms;
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.dueMs() <= until).min(Comparator.comparingLong(Task::dueMs))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                nowMs = Math.max(nowMs, next.dueMs());
            }
            if (!next.cancelled()[0]) {
                next.task().run();
            }
        }
        nowMs = until;
    }

    synchronized long pending() {
        return tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
