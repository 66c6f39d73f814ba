package io.zintrust.socket.cluster;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.activity.ActivityListener;
import io.zintrust.socket.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one route from this instance to the others: what happened here that other instances' sockets
 * must see becomes a message on the topic. Alone, it does nothing.
 */
@ApplicationScoped
public class ClusterBridge implements ActivityListener {

    @Inject
    ClusterTopic topic;

    @Override
    public void on(Activity activity) {
        if (!topic.clustered()) {
            return;
        }
        ClusterMessage message = messageFor(activity);
        if (message != null) {
            topic.publish(message);
        }
    }

    /** The message that carries an activity to the other instances, or null when they need none. */
    static ClusterMessage messageFor(Activity activity) {
        String app = activity.app().id();
        if (activity instanceof Activity.EventPublished e) {
            return new ClusterMessage.Publish(app, e.channels(), e.event(), e.data(), e.exceptSocketId());
        }
        if (activity instanceof Activity.ClientEventSent c) {
            return new ClusterMessage.Relay(app, c.channel(), c.frame());
        }
        if (activity instanceof Activity.MemberAdded m) {
            return new ClusterMessage.Relay(app, m.channel(), Frames.memberAdded(m.channel(), m.userId(),
                    m.userInfoJson()));
        }
        if (activity instanceof Activity.MemberRemoved m) {
            return new ClusterMessage.Relay(app, m.channel(), Frames.memberRemoved(m.channel(), m.userId()));
        }
        if (activity instanceof Activity.UserPresenceChanged u) {
            return new ClusterMessage.Watch(app, u.userId(), u.online());
        }
        if (activity instanceof Activity.UserTerminated t) {
            return new ClusterMessage.Terminate(app, t.userId());
        }
        return null;
    }
}
