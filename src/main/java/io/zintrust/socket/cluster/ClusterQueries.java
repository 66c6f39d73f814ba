package io.zintrust.socket.cluster;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.channel.ChannelStats;
import io.zintrust.socket.channel.Channels;
import io.zintrust.socket.channel.RemoteChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Channel queries across instances, scatter-gather over the topic: a question goes to every other
 * instance, each answers with its own subscriptions, and the asker waits at most
 * {@value #WAIT_MILLIS} ms; an instance that does not answer in time is left out (and logged).
 */
@ApplicationScoped
public class ClusterQueries implements RemoteChannels {

    private static final System.Logger LOG = System.getLogger(ClusterQueries.class.getName());
    static final long WAIT_MILLIS = 2000;

    @Inject
    ClusterTopic topic;
    @Inject
    Channels channels;
    @Inject
    Apps apps;

    private record Gathering(CountDownLatch pending, List<ClusterMessage.Answer> answers) {
    }

    private final Map<String, Gathering> open = new ConcurrentHashMap<>();

    @Override
    public int subscriptionsElsewhere(App app, String channel) {
        int subscriptions = 0;
        for (ClusterMessage.Answer answer : askOthers(app, channel, null)) {
            subscriptions += answer.subscriptions();
        }
        return subscriptions;
    }

    @Override
    public Map<String, Integer> occupiedElsewhere(App app, String prefix) {
        Map<String, Integer> occupied = new HashMap<>();
        for (ClusterMessage.Answer answer : askOthers(app, null, prefix)) {
            answer.channels().forEach((name, count) -> occupied.merge(name, count, Integer::sum));
        }
        return occupied;
    }

    private List<ClusterMessage.Answer> askOthers(App app, String channel, String prefix) {
        int others = topic.clustered() ? topic.instances() - 1 : 0;
        if (others <= 0) {
            return List.of();
        }
        String id = UUID.randomUUID().toString();
        Gathering gathering = new Gathering(new CountDownLatch(others), new CopyOnWriteArrayList<>());
        open.put(id, gathering);
        try {
            topic.publish(new ClusterMessage.Ask(id, app.id(), channel, prefix));
            if (!gathering.pending().await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Only " + gathering.answers().size() + " of " + others
                        + " instances answered a channel query in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(id);
        }
        return List.copyOf(gathering.answers());
    }

    /** Another instance asks about this instance's own sockets. */
    void answer(ClusterMessage.Ask ask) {
        apps.byId(ask.appId()).ifPresent(app -> {
            Map<String, Integer> occupied = new LinkedHashMap<>();
            int subscriptions = 0;
            if (ask.channel() != null) {
                subscriptions = channels.stats(app, ask.channel()).subscriptionCount();
            } else {
                for (ChannelStats stats : channels.occupied(app, ask.prefix())) {
                    occupied.put(stats.name(), stats.subscriptionCount());
                }
            }
            topic.publish(new ClusterMessage.Answer(ask.id(), app.id(), subscriptions, occupied));
        });
    }

    /** An answer to one of this instance's questions. */
    void collect(ClusterMessage.Answer answer) {
        Gathering gathering = open.get(answer.id());
        if (gathering != null) {
            gathering.answers().add(answer);
            gathering.pending().countDown();
        }
    }
}
