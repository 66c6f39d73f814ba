package io.zintrust.socket.cluster;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.protocol.Frames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which activities other instances hear of, and as which messages. */
class ClusterBridgeTest {

    static final App APP = new App("app-1", "key-1", "secret-1");

    /** A topic that is clustered or not as the test says and keeps what it is given. */
    static final class RecordingTopic extends ClusterTopic {
        boolean clustered = true;
        final List<ClusterMessage> published = new ArrayList<>();

        @Override
        boolean clustered() {
            return clustered;
        }

        @Override
        void publish(ClusterMessage message) {
            published.add(message);
        }
    }

    @Test
    void a_published_event_becomes_a_publish_with_its_channels_and_excepted_socket() {
        assertEquals(new ClusterMessage.Publish("app-1", List.of("a", "b"), "update", "data", "1.2"),
                ClusterBridge.messageFor(new Activity.EventPublished(APP, List.of("a", "b"), "update", "data", "1.2")));
    }

    @Test
    void a_client_event_becomes_a_relay_of_the_frame_the_local_subscribers_got() {
        String frame = Frames.clientEvent("client-x", "private-chat", "{}", null);
        assertEquals(new ClusterMessage.Relay("app-1", "private-chat", frame), ClusterBridge.messageFor(
                new Activity.ClientEventSent(APP, "private-chat", "client-x", "{}", "1.1", null, frame)));
    }

    @Test
    void a_member_added_becomes_a_relay_of_the_member_added_frame() {
        assertEquals(new ClusterMessage.Relay("app-1", "presence-room",
                        Frames.memberAdded("presence-room", "7", "{\"name\":\"Ada\"}")),
                ClusterBridge.messageFor(new Activity.MemberAdded(APP, "presence-room", "7", "{\"name\":\"Ada\"}")));
    }

    @Test
    void a_member_removed_becomes_a_relay_of_the_member_removed_frame() {
        assertEquals(new ClusterMessage.Relay("app-1", "presence-room", Frames.memberRemoved("presence-room", "7")),
                ClusterBridge.messageFor(new Activity.MemberRemoved(APP, "presence-room", "7")));
    }

    @Test
    void a_users_presence_change_becomes_a_watch() {
        assertEquals(new ClusterMessage.Watch("app-1", "7", true),
                ClusterBridge.messageFor(new Activity.UserPresenceChanged(APP, "7", true)));
        assertEquals(new ClusterMessage.Watch("app-1", "7", false),
                ClusterBridge.messageFor(new Activity.UserPresenceChanged(APP, "7", false)));
    }

    @Test
    void a_terminated_user_becomes_a_terminate() {
        assertEquals(new ClusterMessage.Terminate("app-1", "7"),
                ClusterBridge.messageFor(new Activity.UserTerminated(APP, "7")));
    }

    @Test
    void what_only_concerns_this_instance_becomes_no_message() {
        List<Activity> local = List.of(new Activity.ConnectionOpened(APP, "1.1"),
                new Activity.ConnectionClosed(APP, "1.1", 1006), new Activity.ChannelOccupied(APP, "news"),
                new Activity.ChannelVacated(APP, "news"), new Activity.CacheMissed(APP, "cache-news"),
                new Activity.SubscriptionCountChanged(APP, "news", 3), new Activity.UserSignedIn(APP, "1.1", "7"),
                new Activity.UserSignedOut(APP, "1.1", "7"));
        for (Activity activity : local) {
            assertNull(ClusterBridge.messageFor(activity), activity.toString());
        }
    }

    @Test
    void in_a_cluster_the_message_goes_on_the_topic() {
        ClusterBridge bridge = new ClusterBridge();
        RecordingTopic topic = new RecordingTopic();
        bridge.topic = topic;
        bridge.on(new Activity.UserTerminated(APP, "7"));
        bridge.on(new Activity.ChannelOccupied(APP, "news"));
        assertEquals(List.of(new ClusterMessage.Terminate("app-1", "7")), topic.published);
    }

    @Test
    void alone_nothing_goes_on_the_topic() {
        ClusterBridge bridge = new ClusterBridge();
        RecordingTopic topic = new RecordingTopic();
        topic.clustered = false;
        bridge.topic = topic;
        bridge.on(new Activity.UserTerminated(APP, "7"));
        assertEquals(List.of(), topic.published);
    }
}
