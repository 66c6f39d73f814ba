package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import io.zintrust.socket.lifecycle.Draining;
import io.zintrust.socket.lifecycle.Progress;
import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * The one topic of the data grid that instances talk over. Joined at deployment, so an instance that
 * never publishes still hears the others; what arrives goes to the channel queries (questions and
 * answers) or to the inbound applier (everything else). Without a grid it carries nothing.
 */
@ApplicationScoped
public class ClusterTopic {

    private static final System.Logger LOG = System.getLogger(ClusterTopic.class.getName());
    static final String NAME = "zintrust-socket-events";

    @Inject
    GridDetection detection;
    @Inject
    InboundApplier applier;
    @Inject
    ClusterQueries queries;
    @Inject
    Progress progress;

    /** After webhooks (Draining observers): their pending batches may still be written to the grid. */
    private static final int LAST = 1000;

    final Traffic traffic = new Traffic();
    private volatile ITopic<String> topic;
    private volatile UUID listener;
    private volatile String self;

    void join(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        detection.grid().ifPresent(grid -> {
            ITopic<String> joined = grid.getTopic(NAME);
            self = Instances.self(grid);
            listener = joined.addMessageListener(this::onMessage);
            topic = joined;
            progress.applierLag(applier::lagNanos);
        });
    }

    /**
     * The graceful stop, after the sockets were released and webhooks finished: the member leaves the grid
     * now (its partitions migrate to the others, who see it gone at once) instead of when Payara's own
     * shutdown gets to it.
     */
    void drained(@Observes @Priority(LAST) Draining draining) {
        leave();
        detection.grid().ifPresent(grid -> {
            try {
                grid.getLifecycleService().shutdown();
                LOG.log(Level.INFO, "ZinTrust Socket left the data grid");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Leaving the data grid failed: " + e);
            }
        });
    }

    @PreDestroy
    void leave() {
        ITopic<String> joined = topic;
        if (joined != null && listener != null) {
            try {
                joined.removeMessageListener(listener);
            } catch (RuntimeException e) {
                // the grid is shutting down with us
            }
        }
    }

    boolean clustered() {
        return topic != null;
    }

    /** Instances in the cluster, this one included. */
    int instances() {
        return detection.grid().map(HazelcastInstance::getCluster).map(c -> c.getMembers().size()).orElse(1);
    }

    /** Hands a message to every other instance; a failure costs them this message, never the caller's work. */
    void publish(ClusterMessage message) {
        ITopic<String> joined = topic;
        if (joined == null) {
            return;
        }
        try {
            joined.publish(ClusterCodec.encode(message));
            traffic.sent(message.appId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not hand a message to the cluster: " + e);
        }
    }

    /** On the grid's event thread, one message at a time and in publish order per instance. */
    private void onMessage(Message<String> message) {
        if (message.getPublishingMember() != null && message.getPublishingMember().localMember()) {
            return; // delivered here before it was published
        }
        ClusterMessage decoded;
        try {
            decoded = ClusterCodec.decode(message.getMessageObject());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Could not read a cluster message: " + e.getMessage());
            return;
        }
        traffic.received(decoded.appId());
        if (decoded instanceof ClusterMessage.Ask ask) {
            queries.answer(ask);
        } else if (decoded instanceof ClusterMessage.Answer answer) {
            queries.collect(answer);
        } else {
            applier.offer(decoded);
        }
    }
}
