package io.zintrust.socket.webhooks;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.AppFeatures;
import io.zintrust.socket.apps.AppLimits;
import io.zintrust.socket.apps.Availability;
import io.zintrust.socket.apps.SettingsReader;
import io.zintrust.socket.apps.WebhookEvent;
import io.zintrust.socket.apps.WebhookTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which target hears which activity: per app, by event type and channel, and what a cluster skips for now. */
class WebhookListenerTest {

    private final FakeTime time = new FakeTime();
    private final List<Batch> sent = new ArrayList<>();

    private static final WebhookTarget ALL = WebhookTarget.everything(URI.create("http://127.0.0.1:1/all"));
    private static final WebhookTarget MEMBERS_OF_PRIVATE = new WebhookTarget(URI.create("http://127.0.0.1:1/m"),
            Set.of(WebhookEvent.MEMBER_ADDED, WebhookEvent.CHANNEL_OCCUPIED), Map.of(), "presence-", null);
    private static final App HOOKED = new App("a", "ka", "sa", true, AppFeatures.DEFAULTS, AppLimits.DEFAULTS,
            List.of(ALL, MEMBERS_OF_PRIVATE));
    private static final App PLAIN = new App("b", "kb", "sb");

    private WebhookListener listener(boolean clustered) {
        WebhookListener listener = new WebhookListener();
        listener.settings = new SettingsReader(name -> Optional.ofNullable(Map.of("PUSHER_APP_ID", "x",
                "PUSHER_APP_KEY", "y", "PUSHER_APP_SECRET", "z").get(name))).read();
        listener.settings = new io.zintrust.socket.apps.SocketSettings(true, listener.settings.transport(), "/app", 120,
                30, listener.settings.auth(), true, 1000, -1, true, List.of(HOOKED, PLAIN), List.of(),
                listener.settings.webhooks());
        listener.availability = new Availability() {
            @Override
            public Optional<String> refusal() {
                return Optional.empty();
            }

            @Override
            public boolean clustered() {
                return clustered;
            }
        };
        listener.start(batch -> {
            sent.add(batch);
            return CompletableFuture.completedFuture(200);
        }, Runnable::run, time, time);
        return listener;
    }

    private List<String> bodiesTo(WebhookTarget target) {
        return sent.stream().filter(b -> b.target().equals(target)).map(Batch::body).toList();
    }

    @Test
    void each_target_gets_the_events_it_wants_of_its_own_app() {
        WebhookListener listener = listener(false);
        listener.on(new Activity.ChannelOccupied(HOOKED, "presence-room"));
        listener.on(new Activity.MemberAdded(HOOKED, "presence-room", "7", "{}"));
        listener.on(new Activity.MemberAdded(HOOKED, "private-room", "7", "{}"));
        listener.on(new Activity.CacheMissed(HOOKED, "presence-room"));
        listener.on(new Activity.ChannelOccupied(PLAIN, "presence-room"));
        listener.on(new Activity.EventPublished(HOOKED, List.of("presence-room"), "e", "d", null));
        time.advance(250);
        assertEquals(1, bodiesTo(ALL).size());
        assertTrue(bodiesTo(ALL).get(0).endsWith("\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"presence-room\"},"
                + "{\"name\":\"member_added\",\"channel\":\"presence-room\",\"user_id\":\"7\"},"
                + "{\"name\":\"member_added\",\"channel\":\"private-room\",\"user_id\":\"7\"},"
                + "{\"name\":\"cache_miss\",\"channel\":\"presence-room\"}]}"), bodiesTo(ALL).get(0));
        assertEquals(1, bodiesTo(MEMBERS_OF_PRIVATE).size());
        assertTrue(bodiesTo(MEMBERS_OF_PRIVATE).get(0).endsWith("[{\"name\":\"channel_occupied\",\"channel\":\"presence-room\"},"
                + "{\"name\":\"member_added\",\"channel\":\"presence-room\",\"user_id\":\"7\"}]}"));
        assertEquals(2, sent.size(), "nothing for the app without webhooks");
    }

    @Test
    void in_a_cluster_the_per_instance_events_are_skipped_and_the_rest_still_go() {
        WebhookListener listener = listener(true);
        listener.on(new Activity.ChannelOccupied(HOOKED, "a"));
        listener.on(new Activity.ChannelVacated(HOOKED, "a"));
        listener.on(new Activity.SubscriptionCountChanged(HOOKED, "a", 2));
        listener.on(new Activity.MemberRemoved(HOOKED, "presence-a", "7"));
        time.advance(250);
        assertEquals(List.of("{\"name\":\"member_removed\",\"channel\":\"presence-a\",\"user_id\":\"7\"}"),
                bodiesTo(ALL).stream().map(b -> b.substring(b.indexOf('[') + 1, b.length() - 2)).toList());
    }

    @Test
    void stopping_sends_the_open_batches() {
        WebhookListener listener = listener(false);
        listener.on(new Activity.CacheMissed(HOOKED, "cache-a"));
        listener.stop();
        assertEquals(1, bodiesTo(ALL).size());
    }
}
