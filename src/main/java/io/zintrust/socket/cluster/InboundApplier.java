package io.zintrust.socket.cluster;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.channel.Fanout;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.users.UserDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies other instances' messages to this instance's sockets, through the state owners. The grid's
 * event thread only queues them; one container thread at a time applies them in arrival order and
 * writes each socket once per burst, so a burst of events costs one write per socket.
 */
@ApplicationScoped
public class InboundApplier {

    private static final System.Logger LOG = System.getLogger(InboundApplier.class.getName());
    private static final int FLUSH_EVERY = 10_000;

    @Inject
    Apps apps;
    @Inject
    Fanout fanout;
    @Inject
    UserDirectory users;
    @Inject
    Activities activities;
    @Resource
    ManagedExecutorService executor;

    private final Queue<ClusterMessage> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean applying = new AtomicBoolean();
    // when the applier last moved on (applied a message, or found the queue empty and got a new one)
    private volatile long movedAtNanos = System.nanoTime();

    void offer(ClusterMessage message) {
        if (inbound.isEmpty()) {
            movedAtNanos = System.nanoTime();
        }
        inbound.offer(message);
        schedule();
    }

    /** How long the applier has held waiting messages without applying one; 0 when none waits. */
    long lagNanos() {
        return inbound.isEmpty() ? 0 : Math.max(0, System.nanoTime() - movedAtNanos);
    }

    private void schedule() {
        if (!inbound.isEmpty() && applying.compareAndSet(false, true)) {
            try {
                executor.execute(this::applyQueued);
            } catch (RuntimeException rejected) {
                applyQueued();
            }
        }
    }

    private void applyQueued() {
        try {
            Set<ClientSocket> queued = new LinkedHashSet<>();
            List<ClientSocket> scratch = new ArrayList<>();
            for (ClusterMessage message = inbound.poll(); message != null; message = inbound.poll()) {
                try {
                    apply(message, queued, scratch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not apply a cluster message: " + e);
                }
                movedAtNanos = System.nanoTime();
                if (queued.size() >= FLUSH_EVERY) {
                    fanout.flush(queued);
                    queued.clear();
                }
            }
            fanout.flush(queued);
        } finally {
            applying.set(false);
            schedule();
        }
    }

    void apply(ClusterMessage message, Set<ClientSocket> queued) {
        apply(message, queued, new ArrayList<>());
    }

    /** {@code here} is scratch space, reused over a burst: one channel's recipients, counted for the metrics. */
    private void apply(ClusterMessage message, Set<ClientSocket> queued, List<ClientSocket> here) {
        Optional<App> found = apps.byId(message.appId());
        if (found.isEmpty()) {
            return; // an app this instance does not serve (differently configured members)
        }
        App app = found.get();
        int frames = 0;
        long bytes = 0;
        if (message instanceof ClusterMessage.Publish p) {
            for (String channel : p.channels()) {
                here.clear();
                int wire = fanout.queuePublished(app, channel, p.event(), p.data(), p.exceptSocketId(), here);
                frames += here.size();
                bytes += (long) wire * here.size();
                queued.addAll(here);
            }
        } else if (message instanceof ClusterMessage.Relay r) {
            here.clear();
            int wire = fanout.queueFrame(app, r.channel(), r.frame(), null, here);
            frames = here.size();
            bytes = (long) wire * frames;
            queued.addAll(here);
        } else if (message instanceof ClusterMessage.Terminate t) {
            users.closeSocketsOf(app, t.userId());
        } else if (message instanceof ClusterMessage.Watch w) {
            users.tellWatchers(app, w.userId(), w.online());
        }
        if (frames > 0 && activities != null) {
            activities.emit(new Activity.Delivered(app, frames, bytes));
        }
    }
}
