package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.apps.WebhookTarget;
import io.zintrust.socket.protocol.JsonText;
import io.zintrust.socket.webhooks.Batch;
import io.zintrust.socket.webhooks.PendingBatches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook batches waiting for delivery, kept in a map of the data grid (with the grid's synchronous
 * backup) from before their first attempt until they are delivered or given up: one entry per batch,
 * naming the instance that sends it. When an instance leaves, the oldest survivor claims the batches of
 * every instance no longer in the cluster, one compare-and-set each, and sends them: at least once.
 */
@ApplicationScoped
public class GridPendingBatches implements PendingBatches {

    static final String MAP = "zintrust-socket-webhooks";

    @Inject
    GridDetection detection;
    @Inject
    Apps apps;

    /** The batch a grid entry holds, with its owner. */
    record Entry(String owner, String appId, int target, String url, String body, int events, long createdMs,
                 long deadlineMs) {

        static Entry of(Batch batch, String owner) {
            int target = batch.app().webhooks().indexOf(batch.target());
            return new Entry(owner, batch.app().id(), target, batch.target().url().toString(), batch.body(),
                    batch.events(), batch.createdMs(), batch.deadlineMs());
        }

        Entry ownedBy(String instance) {
            return new Entry(instance, appId, target, url, body, events, createdMs, deadlineMs);
        }

        String json() {
            return JsonText.JSON.createObjectBuilder().add("owner", owner).add("app", appId).add("target", target)
                    .add("url", url).add("body", body).add("events", events).add("created", createdMs)
                    .add("deadline", deadlineMs).build().toString();
        }

        static Entry read(String json) {
            JsonObject o = JsonText.object(json).orElseThrow();
            return new Entry(o.getString("owner"), o.getString("app"), o.getInt("target"), o.getString("url"),
                    o.getString("body"), o.getInt("events"), o.getJsonNumber("created").longValue(),
                    o.getJsonNumber("deadline").longValue());
        }

        /** The batch again, from this instance's own configuration of the app and target. */
        Optional<Batch> batch(String id, Optional<App> app) {
            return app.flatMap(found -> target(found).map(t ->
                    new Batch(id, found, t, body, events, createdMs, deadlineMs)));
        }

        private Optional<WebhookTarget> target(App app) {
            List<WebhookTarget> targets = app.webhooks();
            return target >= 0 && target < targets.size() && targets.get(target).url().toString().equals(url)
                    ? Optional.of(targets.get(target)) : Optional.empty();
        }
    }

    @Override
    public boolean durable() {
        return detection.clustered();
    }

    @Override
    public String describe() {
        return grid().map(grid -> {
            int backups = grid.getConfig().findMapConfig(MAP).getBackupCount();
            return "in the data grid's map " + MAP + " with " + backups + " synchronous backup(s)"
                    + (backups == 0 ? ": a lost instance loses the batches it held (configure a backup)"
                    : ", so the loss of an instance loses none");
        }).orElse("in this instance's memory");
    }

    @Override
    public void keep(Batch batch) {
        grid().ifPresent(grid -> map(grid).set(batch.id(), Entry.of(batch, Instances.self(grid)).json()));
    }

    @Override
    public boolean stillOurs(Batch batch) {
        HazelcastInstance grid = grid().orElse(null);
        if (grid == null) {
            return true;
        }
        String json = map(grid).get(batch.id());
        // no entry: never kept (the grid was leaving) or already sent by a taker; trying again errs on the side of at least once
        return json == null || Entry.read(json).owner().equals(Instances.self(grid));
    }

    @Override
    public void forget(Batch batch) {
        grid().ifPresent(grid -> map(grid).delete(batch.id()));
    }

    /**
     * Claims the batches of instances no longer in the cluster, oldest first; those this instance has no
     * matching target for are logged and left for the instance that has one.
     */
    List<Batch> claimOrphans(HazelcastInstance grid, List<String> unknown) {
        IMap<String, String> pending = map(grid);
        String self = Instances.self(grid);
        // each stored text parsed once; the text itself is what the compare-and-set expects
        record Orphan(String id, String stored, Entry entry) {
        }
        List<Orphan> orphans = new ArrayList<>();
        for (Map.Entry<String, String> stored : pending.entrySet()) {
            Entry entry = Entry.read(stored.getValue());
            if (!Instances.live(grid).contains(entry.owner())) {
                orphans.add(new Orphan(stored.getKey(), stored.getValue(), entry));
            }
        }
        orphans.sort(Comparator.comparingLong(orphan -> orphan.entry().createdMs()));
        List<Batch> claimed = new ArrayList<>();
        for (Orphan orphan : orphans) {
            Entry entry = orphan.entry();
            Optional<Batch> batch = entry.batch(orphan.id(), apps.byId(entry.appId()));
            if (batch.isEmpty()) {
                unknown.add(orphan.id() + " (app " + entry.appId() + ", " + entry.url() + ")");
            } else if (pending.replace(orphan.id(), orphan.stored(), entry.ownedBy(self).json())) {
                claimed.add(batch.get()); // losing the compare-and-set: another instance claimed it first
            }
        }
        return claimed;
    }

    private Optional<HazelcastInstance> grid() {
        return detection.grid();
    }

    private static IMap<String, String> map(HazelcastInstance grid) {
        return grid.getMap(MAP);
    }

}
