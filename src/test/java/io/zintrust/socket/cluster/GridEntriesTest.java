package io.zintrust.socket.cluster;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.AppFeatures;
import io.zintrust.socket.apps.AppLimits;
import io.zintrust.socket.apps.WebhookTarget;
import io.zintrust.socket.webhooks.Batch;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the cluster keeps in the data grid's occupancy and pending-webhook maps, as JSON text. */
class GridEntriesTest {

    private static final WebhookTarget FIRST = WebhookTarget.everything(URI.create("http://127.0.0.1:1/a"));
    private static final WebhookTarget SECOND = WebhookTarget.everything(URI.create("http://127.0.0.1:1/b"));
    private static final App APP = new App("shop", "k", "s", true, AppFeatures.DEFAULTS, AppLimits.DEFAULTS,
            List.of(FIRST, SECOND));

    @Test
    void an_occupancy_entry_keeps_each_instances_count_and_an_empty_one_is_removed() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("uuid-1", 3);
        counts.put("uuid-2", 1);
        assertEquals(counts, OccupancyEntries.read(OccupancyEntries.write(counts)));
        assertTrue(OccupancyEntries.read(null).isEmpty());
        assertNull(OccupancyEntries.write(Map.of()), "null removes the entry");
    }

    @Test
    void a_pending_batch_round_trips_with_its_body_byte_for_byte_and_its_owner() {
        String body = "{\"time_ms\":1,\"events\":[{\"name\":\"client_event\",\"data\":\"\\\"q\\\" é \\u2028\"}]}";
        Batch batch = new Batch("id-1", APP, SECOND, body, 1, 10, 300_010);
        GridPendingBatches.Entry entry = GridPendingBatches.Entry.of(batch, "uuid-1");
        GridPendingBatches.Entry read = GridPendingBatches.Entry.read(entry.json());
        assertEquals(entry, read);
        assertEquals(Optional.of(batch), read.batch("id-1", Optional.of(APP)), "same app, same target, same bytes");
        assertEquals("uuid-2", read.ownedBy("uuid-2").owner());
        assertEquals(entry.json(), GridPendingBatches.Entry.read(entry.json()).json(), "stable text for compare-and-set");
    }

    @Test
    void a_pending_batch_for_an_app_or_target_this_instance_lacks_gives_no_batch() {
        GridPendingBatches.Entry entry = GridPendingBatches.Entry.of(new Batch("id", APP, SECOND, "{}", 1, 0, 1), "u");
        assertTrue(entry.batch("id", Optional.empty()).isEmpty());
        App otherTargets = new App("shop", "k", "s", true, AppFeatures.DEFAULTS, AppLimits.DEFAULTS, List.of(FIRST));
        assertTrue(entry.batch("id", Optional.of(otherTargets)).isEmpty());
    }
}
