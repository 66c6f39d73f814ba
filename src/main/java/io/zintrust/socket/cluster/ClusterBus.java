package io.zintrust.socket.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.apps.Transport;
import io.zintrust.socket.channel.ChannelRegistry;
import io.zintrust.socket.connection.Connection;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.JsonText;
import io.zintrust.socket.users.UserDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Carries what one instance does for its clients to every other instance of the cluster, over a topic
 * of the Hazelcast data grid Payara Micro embeds: server events, client events and terminated users.
 * Each instance applies what it receives to its own sockets through the registry, which stays the only
 * owner of channel state. Without a grid (single node, or {@code SOCKET_TRANSPORT=node}) every call
 * is local only.
 */
@ApplicationScoped
public class ClusterBus {

    private static final System.Logger LOG = System.getLogger(ClusterBus.class.getName());
    static final String TOPIC = "zintrust-socket-events";

    @Inject
    SocketSettings settings;
    @Inject
    Apps apps;
    @Inject
    ChannelRegistry registry;
    @Inject
    UserDirectory users;
    @Inject
    Instance<HazelcastInstance> grid;
    @Inject
    ClusterPresence presence;

    private volatile ITopic<String> topic;
    private volatile HazelcastInstance member;
    private final Map<String, Gathering> asked = new ConcurrentHashMap<>();
    private final Queue<JsonObject> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean applying = new AtomicBoolean();

    @Resource
    ManagedExecutorService executor;
    private volatile UUID listener;
    private volatile String unavailable;

    /** Joins the topic at deployment, so an instance that never publishes still hears the others. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (!settings.enabled() || settings.transport() == Transport.NODE) {
            LOG.log(Level.INFO, "ZinTrust Socket transport: this instance only");
            return;
        }
        HazelcastInstance hazelcast = runningGrid();
        if (hazelcast == null) {
            if (settings.transport() == Transport.CLUSTER) {
                unavailable = "socket_cluster_unavailable: SOCKET_TRANSPORT=cluster needs Payara Micro's data grid;"
                        + " start every instance with clustering on (e.g. --clustermode tcpip:<host list>,"
                        + " not --nocluster), or set SOCKET_TRANSPORT=auto or node";
                LOG.log(Level.WARNING, unavailable);
            } else {
                LOG.log(Level.INFO, "ZinTrust Socket transport: this instance only (Payara clustering is off)");
            }
            return;
        }
        ITopic<String> joined = hazelcast.getTopic(TOPIC);
        listener = joined.addMessageListener(this::onMessage);
        topic = joined;
        member = hazelcast;
        presence.attach(hazelcast);
        LOG.log(Level.INFO, "ZinTrust Socket transport: cluster of " + hazelcast.getCluster().getMembers().size()
                + " instance(s) on the Payara data grid");
    }

    @PreDestroy
    void stop() {
        ITopic<String> joined = topic;
        if (joined != null && listener != null) {
            try {
                joined.removeMessageListener(listener);
            } catch (RuntimeException e) {
                // the grid is shutting down with us
            }
        }
    }

    private HazelcastInstance runningGrid() {
        try {
            if (!grid.isResolvable()) {
                return null;
            }
            HazelcastInstance hazelcast = grid.get();
            if (hazelcast == null || !hazelcast.getLifecycleService().isRunning()) {
                return null;
            }
            // Payara Micro runs a member even with --nocluster, one that joins nobody
            Optional<Boolean> micro = payaraMicroClustering();
            boolean clustering = micro.orElseGet(() -> joinsOthers(hazelcast.getConfig().getNetworkConfig().getJoin()));
            return clustering ? hazelcast : null;
        } catch (RuntimeException e) {
            // Payara started with --nocluster offers no running member
            LOG.log(Level.DEBUG, () -> "No data grid: " + e);
            return null;
        }
    }

    /** On Payara Micro, whether it was started with clustering (not --nocluster); empty elsewhere. */
    private static Optional<Boolean> payaraMicroClustering() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object instance = micro.getMethod("getInstance").invoke(null);
            return Optional.of(!(Boolean) micro.getMethod("isNoCluster").invoke(instance));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notMicro) {
            return Optional.empty();
        }
    }

    private static boolean joinsOthers(JoinConfig join) {
        return join.getMulticastConfig().isEnabled() || join.getTcpIpConfig().isEnabled()
                || join.getKubernetesConfig().isEnabled() || join.getDiscoveryConfig().isEnabled()
                || join.getAwsConfig().isEnabled() || join.getGcpConfig().isEnabled()
                || join.getAzureConfig().isEnabled() || join.getEurekaConfig().isEnabled();
    }

    public boolean clustered() {
        return topic != null;
    }

    /** Why sockets and publishes must be refused (SOCKET_TRANSPORT=cluster without a grid), if so. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** A server event: delivered here, then on every other instance. */
    public void publish(App app, List<String> channels, String event, String data, String exceptSocketId) {
        registry.publish(app, channels, event, data, exceptSocketId);
        JsonObjectBuilder message = JsonText.JSON.createObjectBuilder().add("t", "publish").add("app", app.id())
                .add("channels", JsonText.JSON.createArrayBuilder(channels)).add("event", event).add("data", data);
        if (exceptSocketId != null) {
            message.add("except", exceptSocketId);
        }
        broadcast(message.build());
    }

    /** A client event: to the other subscribers here, then to the channel's subscribers everywhere else. */
    public void relay(Connection sender, String channel, String frame) {
        registry.relay(sender, channel, frame);
        relayElsewhere(sender.app().id(), channel, frame);
    }

    static final String CONNECTIONS = "zintrust-socket-connections";
    private volatile Map<String, Integer> connectionsElsewhere = Map.of();

    /**
     * Sockets the other instances hold for the app, as of the last heartbeat (at most about a second
     * old): per-app connection limits count the whole cluster.
     */
    public int connectionsElsewhere(String appId) {
        return connectionsElsewhere.getOrDefault(appId, 0);
    }

    /**
     * Once a second: publishes this instance's socket counts per app in the grid and reads the other
     * live instances' counts. Entries of instances that left are ignored, and removed by the oldest.
     */
    public void syncConnections(Map<String, Integer> here) {
        HazelcastInstance hazelcast = member;
        if (hazelcast == null) {
            return;
        }
        try {
            IMap<String, Integer> counts = hazelcast.getMap(CONNECTIONS);
            String self = hazelcast.getCluster().getLocalMember().getUuid().toString();
            here.forEach((appId, count) -> counts.set(self + "\n" + appId, count));
            Set<String> live = new java.util.HashSet<>();
            hazelcast.getCluster().getMembers().forEach(m -> live.add(m.getUuid().toString()));
            Map<String, Integer> elsewhere = new java.util.HashMap<>();
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                int split = entry.getKey().indexOf('\n');
                String owner = entry.getKey().substring(0, split);
                if (!owner.equals(self) && live.contains(owner)) {
                    elsewhere.merge(entry.getKey().substring(split + 1), entry.getValue(), Integer::sum);
                } else if (!live.contains(owner) && isOldest(hazelcast)) {
                    counts.delete(entry.getKey());
                }
            }
            connectionsElsewhere = elsewhere;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Connection counts not synchronised: " + e);
        }
    }

    private static boolean isOldest(HazelcastInstance hazelcast) {
        return hazelcast.getCluster().getMembers().iterator().next().localMember();
    }

    /** Tells the user's watchers on the other instances that it went online or offline. */
    public void watchElsewhere(String appId, String userId, String state) {
        broadcast(JsonText.JSON.createObjectBuilder().add("t", "watch").add("app", appId).add("user", userId)
                .add("state", state).build());
    }

    /** The same, here too (for users of an instance that died). */
    public void watchEverywhere(String appId, String userId, String state) {
        apps.byId(appId).ifPresent(app -> users.watchEvent(app, userId, state));
        watchElsewhere(appId, userId, state);
    }

    /** A frame for the channel's subscribers on the other instances only (this one has had it). */
    public void relayElsewhere(String appId, String channel, String frame) {
        broadcast(JsonText.JSON.createObjectBuilder().add("t", "relay").add("app", appId)
                .add("channel", channel).add("frame", frame).build());
    }

    /** A frame for the channel's subscribers here and on every other instance. */
    public void relayEverywhere(String appId, String channel, String frame) {
        apps.byId(appId).ifPresent(app -> {
            List<Connection> queued = new ArrayList<>();
            registry.relayQueued(app, channel, frame, null, queued);
            registry.flushQueued(queued);
        });
        relayElsewhere(appId, channel, frame);
    }

    /** Answers gathered from the other instances, one per instance, within {@link #ASK_WAIT_MILLIS}. */
    private record Gathering(CountDownLatch pending, List<JsonObject> answers) {
    }

    static final long ASK_WAIT_MILLIS = 2000;

    /**
     * Asks every other instance about its own sockets (see {@link #answer}) and returns their answers;
     * an instance that does not answer in time is left out. Empty when running alone.
     */
    public List<JsonObject> askOthers(App app, JsonObject question) {
        HazelcastInstance hazelcast = member;
        if (hazelcast == null) {
            return List.of();
        }
        int others = hazelcast.getCluster().getMembers().size() - 1;
        if (others <= 0) {
            return List.of();
        }
        String id = UUID.randomUUID().toString();
        Gathering gathering = new Gathering(new CountDownLatch(others), new CopyOnWriteArrayList<>());
        asked.put(id, gathering);
        try {
            broadcast(JsonText.JSON.createObjectBuilder().add("t", "ask").add("id", id).add("app", app.id())
                    .add("from", hazelcast.getCluster().getLocalMember().getUuid().toString())
                    .add("q", question).build());
            if (!gathering.pending().await(ASK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Only " + gathering.answers().size() + " of " + others
                        + " instances answered a channel query in time");
            }
            return List.copyOf(gathering.answers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.copyOf(gathering.answers());
        } finally {
            asked.remove(id);
        }
    }

    /** What this instance knows of its own sockets, for another instance's channel query. */
    private JsonObject answer(App app, JsonObject question) {
        String name = question.getString("name", "");
        return switch (question.getString("k", "")) {
            case "channel" -> JsonText.JSON.createObjectBuilder()
                    .add("subs", registry.stats(app, name).subscriptionCount()).build();
            case "channels" -> {
                JsonObjectBuilder channels = JsonText.JSON.createObjectBuilder();
                registry.occupied(app, question.getString("prefix", ""))
                        .forEach(stats -> channels.add(stats.name(), stats.subscriptionCount()));
                yield JsonText.JSON.createObjectBuilder().add("channels", channels).build();
            }
            default -> JsonValue.EMPTY_JSON_OBJECT;
        };
    }

    /** Closes every socket of the user with 4009, on every instance. */
    public void terminate(App app, String userId) {
        terminateHere(app, userId);
        broadcast(JsonText.JSON.createObjectBuilder().add("t", "terminate").add("app", app.id())
                .add("user", userId).build());
    }

    private void terminateHere(App app, String userId) {
        for (Connection connection : users.socketsOf(app, userId)) {
            connection.closeWith(ErrorCode.UNAUTHORIZED, "Connection terminated: the app ended the sessions of user "
                    + userId);
        }
    }

    private void broadcast(JsonObject message) {
        ITopic<String> joined = topic;
        if (joined == null) {
            return;
        }
        try {
            joined.publish(message.toString());
        } catch (RuntimeException e) {
            // the local delivery happened; the other instances missed this one
            LOG.log(Level.WARNING, "Could not hand an event to the cluster: " + e);
        }
    }

    /**
     * Runs on the grid's event thread, one message at a time and in publish order per instance: events
     * are only queued here and applied by {@link #applyInbound()}, so the grid's thread never writes to
     * sockets and a burst of events leaves each socket in one write.
     */
    private void onMessage(Message<String> message) {
        if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
            return; // delivered here before it was published
        }
        try {
            JsonObject body = JsonText.object(message.getMessageObject()).orElseThrow();
            switch (body.getString("t")) {
                case "answer" -> {
                    Gathering gathering = asked.get(body.getString("id"));
                    if (gathering != null) {
                        gathering.answers().add(body.getJsonObject("a"));
                        gathering.pending().countDown();
                    }
                }
                case "ask" -> apps.byId(body.getString("app")).ifPresent(app -> broadcast(JsonText.JSON
                        .createObjectBuilder().add("t", "answer").add("id", body.getString("id")).add("app", app.id())
                        .add("a", answer(app, body.getJsonObject("q"))).build()));
                default -> {
                    inbound.offer(body);
                    scheduleInbound();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read a cluster message: " + e);
        }
    }

    private void scheduleInbound() {
        if (!inbound.isEmpty() && applying.compareAndSet(false, true)) {
            try {
                executor.execute(this::applyInbound);
            } catch (RuntimeException rejected) {
                applyInbound();
            }
        }
    }

    /** Applies queued events in arrival order, one applier at a time, flushing each socket once per burst. */
    private void applyInbound() {
        try {
            Set<Connection> queued = new LinkedHashSet<>();
            for (JsonObject body = inbound.poll(); body != null; body = inbound.poll()) {
                try {
                    apply(body, queued);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not apply a cluster message: " + e);
                }
                if (queued.size() >= 10_000) {
                    registry.flushQueued(queued);
                    queued.clear();
                }
            }
            registry.flushQueued(queued);
        } finally {
            applying.set(false);
            scheduleInbound();
        }
    }

    private void apply(JsonObject body, Set<Connection> queued) {
        Optional<App> app = apps.byId(body.getString("app"));
        if (app.isEmpty()) {
            return; // an app this instance does not serve (differently configured members)
        }
        switch (body.getString("t")) {
            case "publish" -> {
                for (String channel : strings(body.getJsonArray("channels"))) {
                    registry.publishQueued(app.get(), channel, body.getString("event"), body.getString("data"),
                            body.getString("except", null), queued);
                }
            }
            case "relay" -> registry.relayQueued(app.get(), body.getString("channel"), body.getString("frame"),
                    null, queued);
            case "terminate" -> terminateHere(app.get(), body.getString("user"));
            case "watch" -> users.watchEvent(app.get(), body.getString("user"), body.getString("state"));
            default -> LOG.log(Level.DEBUG, () -> "Ignoring cluster message " + body.getString("t"));
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
