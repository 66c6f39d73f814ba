package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookEvent;
import io.zintrust.socket.apps.WebhookSettings;
import io.zintrust.socket.apps.WebhookTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch closes at the batch size or at the end of its window, whichever comes first. */
class BatcherTest {

    private static final App APP = new App("1", "k", "s");
    private static final WebhookSettings SETTINGS = new WebhookSettings(250, 3, 1000, 10, 100);

    private final FakeTime time = new FakeTime();
    private final WebhookStats stats = new WebhookStats();
    private final List<Batch> closed = new ArrayList<>();
    private final QueueBound bound = new QueueBound("t", SETTINGS.queueLimit(), stats, time);
    private final Batcher batcher = new Batcher(APP, WebhookTarget.everything(URI.create("http://h.example")), SETTINGS,
            time, time, bound, closed::add);

    private static OutgoingEvent event(int n) {
        return new OutgoingEvent(WebhookEvent.CACHE_MISS, "c", "{\"n\":" + n + "}");
    }

    @Test
    void a_full_batch_closes_at_once_and_in_order() {
        for (int n = 1; n <= 7; n++) {
            batcher.add(event(n));
        }
        assertEquals(2, closed.size());
        assertTrue(closed.get(0).body().endsWith("\"events\":[{\"n\":1},{\"n\":2},{\"n\":3}]}"), closed.get(0).body());
        assertTrue(closed.get(1).body().endsWith("[{\"n\":4},{\"n\":5},{\"n\":6}]}"));
        assertNotEquals(closed.get(0).id(), closed.get(1).id());
        time.advance(249);
        assertEquals(2, closed.size(), "the seventh waits for its window");
        time.advance(1);
        assertEquals(3, closed.size());
        assertEquals(1, closed.get(2).events());
    }

    @Test
    void a_single_event_waits_for_the_window_and_the_window_of_a_closed_batch_does_not_cut_the_next_short() {
        batcher.add(event(1));
        time.advance(200);
        assertEquals(0, closed.size());
        time.advance(50);
        assertEquals(1, closed.size());
        assertEquals(time.getAsLong(), closed.get(0).createdMs());
        assertEquals(time.getAsLong() + 10_000, closed.get(0).deadlineMs());
        for (int n = 1; n <= 3; n++) {
            batcher.add(event(n)); // closes by size; its window must not run on
        }
        batcher.add(event(4));
        time.advance(100);
        assertEquals(2, closed.size());
        time.advance(150);
        assertEquals(3, closed.size());
        assertEquals(0, time.pending());
    }

    @Test
    void flush_closes_the_open_batch_and_events_beyond_the_bound_are_dropped_and_counted() {
        QueueBound small = new QueueBound("t", 2, stats, time);
        Batcher bounded = new Batcher(APP, WebhookTarget.everything(URI.create("http://h.example")), SETTINGS, time, time,
                small, closed::add);
        bounded.add(event(1));
        bounded.add(event(2));
        bounded.add(event(3));
        assertEquals(1, stats.dropped.get());
        bounded.flush();
        assertEquals(1, closed.size());
        assertEquals(2, closed.get(0).events());
        assertEquals(0, time.pending(), "the window was cancelled");
        small.release(2);
        bounded.add(event(4));
        assertEquals(1, small.held());
    }
}
