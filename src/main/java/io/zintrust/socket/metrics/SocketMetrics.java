package io.zintrust.socket.metrics;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.activity.ActivityListener;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.channel.ChannelStats;
import io.zintrust.socket.channel.Channels;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.lifecycle.ClusterView;
import io.zintrust.socket.lifecycle.Progress;
import io.zintrust.socket.webhooks.WebhookCounts;
import io.zintrust.socket.webhooks.WebhookListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The per-app Prometheus metrics at {@code /metrics} (MicroProfile Metrics, application scope), each
 * with an {@code app} tag. Counters move on the event seam: a publish costs one map read and two
 * increments here, nothing per recipient. Levels (sockets, channels, members) and the webhook and
 * cluster counts (kept by their owners, only growing) are gauges read when Prometheus scrapes.
 */
@ApplicationScoped
public class SocketMetrics implements ActivityListener {

    static final String PREFIX = "zintrust_";

    @Inject
    MetricRegistry registry;
    @Inject
    SocketSettings settings;
    @Inject
    ConnectionTable table;
    @Inject
    Channels channels;
    @Inject
    ClusterView cluster;
    @Inject
    Progress progress;
    @Inject
    WebhookListener webhooks;

    private final Map<String, AppMeters> meters = new ConcurrentHashMap<>();

    /** Registers every app's metrics at startup, so that a scrape shows zeros rather than nothing. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (App app : settings.apps()) {
            meters(app);
            Tag tag = tag(app);
            level("connections", "Sockets connected to this instance", tag,
                    () -> table.countsByApp().getOrDefault(app.id(), 0));
            level("channels_occupied", "Channels with at least one subscriber on this instance", tag,
                    () -> channels.occupied(app, "").size());
            level("presence_members", "Users present in the app's presence channels, counted per channel, on this instance", tag,
                    () -> channels.occupied(app, "presence-").stream().mapToInt(ChannelStats::userCount).sum());
            counted("webhook_events_queued", "Events queued for the app's webhook targets", tag, app, WebhookCounts::eventsQueued);
            counted("webhook_batches_delivered", "Webhook batches answered with a 2xx", tag, app, WebhookCounts::batchesDelivered);
            counted("webhook_attempts_failed", "Webhook attempts that failed (each followed by a retry or a give-up)", tag, app,
                    WebhookCounts::attemptsFailed);
            counted("webhook_batches_given_up", "Webhook batches given up after the retry window", tag, app,
                    WebhookCounts::batchesGivenUp);
            counted("webhook_events_dropped", "Webhook events dropped because a target's queue was full", tag, app,
                    WebhookCounts::eventsDropped);
            registry.gauge(Metadata.builder().withName(PREFIX + "cluster_messages_in")
                    .withDescription("Cluster messages about the app received from other instances").build(),
                    () -> cluster.messagesIn(app.id()), tag);
            registry.gauge(Metadata.builder().withName(PREFIX + "cluster_messages_out")
                    .withDescription("Cluster messages about the app handed to other instances").build(),
                    () -> cluster.messagesOut(app.id()), tag);
        }
        registry.gauge(Metadata.builder().withName(PREFIX + "cluster_applier_lag_seconds")
                .withDescription("How long the oldest waiting cluster message has waited to be applied here")
                .withUnit(MetricUnits.SECONDS).build(), () -> progress.applierLagNanos() / 1e9);
    }

    private void level(String name, String description, Tag tag, java.util.function.Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(PREFIX + name).withDescription(description).build(),
                () -> value.get().longValue(), tag);
    }

    /**
     * A count kept by its owner (webhooks): read at the scrape, so a gauge in MicroProfile's terms, though
     * it only grows (rate() and increase() work on it as on a counter).
     */
    private void counted(String name, String description, Tag tag, App app, ToLongFunction<WebhookCounts> count) {
        registry.gauge(Metadata.builder().withName(PREFIX + name).withDescription(description).build(),
                () -> count.applyAsLong(webhooks.counts(app.id())), tag);
    }

    private static Tag tag(App app) {
        return new Tag("app", app.id());
    }

    private AppMeters meters(App app) {
        AppMeters known = meters.get(app.id());
        return known != null ? known : meters.computeIfAbsent(app.id(), id -> {
            Tag tag = tag(app);
            return new AppMeters(counter("connections_opened", "Sockets admitted", tag),
                    counter("slow_socket_closes", "Sockets closed with 4100 for not reading their frames", tag),
                    counter("client_events", "Client events accepted and relayed", tag),
                    counter("client_events_refused", "Client events refused (4301)", tag),
                    counter("malformed_frames", "Frames refused as malformed (4302)", tag),
                    counter("frames_delivered", "Frames handed to this instance's sockets", tag),
                    registry.counter(Metadata.builder().withName(PREFIX + "delivered")
                            .withDescription("Bytes of those frames on the wire").withUnit(MetricUnits.BYTES).build(), tag),
                    // Payara 6.2025.10 exports its _sum in seconds but its quantiles, mean and max in nanoseconds
                    registry.timer(Metadata.builder().withName(PREFIX + "publish")
                            .withDescription("Time to handle a publish (POST /events, /batch_events)")
                            .withUnit(MetricUnits.SECONDS).build(), tag),
                    new ConcurrentHashMap<>());
        });
    }

    @Override
    public void on(Activity activity) {
        if (activity instanceof Activity.Delivered d) {
            AppMeters app = meters(d.app());
            app.framesDelivered().inc(d.frames());
            app.bytesDelivered().inc(d.bytes());
        } else if (activity instanceof Activity.ConnectionOpened o) {
            meters(o.app()).opened().inc();
        } else if (activity instanceof Activity.ConnectionClosed c) {
            labelled(c.app(), "connections_closed", "Sockets closed, by websocket close code", "code",
                    Integer.toString(c.closeCode())).inc();
            if (c.closeCode() == 4100) {
                meters(c.app()).slowCloses().inc();
            }
        } else if (activity instanceof Activity.Subscribed s) {
            labelled(s.app(), "subscriptions", "Subscriptions added, by channel type", "type", s.channelType()).inc();
        } else if (activity instanceof Activity.ClientEventSent c) {
            meters(c.app()).clientEvents().inc();
        } else if (activity instanceof Activity.InputRefused r) {
            AppMeters app = meters(r.app());
            (r.clientEvent() ? app.clientEventsRefused() : app.malformedFrames()).inc();
        } else if (activity instanceof Activity.PublishAnswered p) {
            labelled(p.app(), "publishes", "Publishes answered by the HTTP API, by status", "status",
                    Integer.toString(p.status())).inc();
            meters(p.app()).publishTime().update(Duration.ofNanos(p.nanos()));
        }
    }

    /** The app's counter {@code name} with a second label, registered on first use. */
    private Counter labelled(App app, String name, String description, String label, String value) {
        return meters(app).labelled().computeIfAbsent(name + "|" + value,
                key -> counter(name, description, tag(app), new Tag(label, value)));
    }

    private Counter counter(String name, String description, Tag... tags) {
        return registry.counter(Metadata.builder().withName(PREFIX + name).withDescription(description).build(), tags);
    }
}
