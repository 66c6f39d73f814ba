package io.zintrust.socket.webhooks;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.AppFeatures;
import io.zintrust.socket.apps.AppLimits;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private WebhookListener listener() {
        WebhookListener listener = new WebhookListener();
        listener.settings = new SettingsReader(name -> Optional.ofNullable(Map.of("PUSHER_APP_ID", "x",
                "PUSHER_APP_KEY", "y", "PUSHER_APP_SECRET", "z").get(name))).read();
        listener.settings = new io.zintrust.socket.apps.SocketSettings(true, listener.settings.transport(), "/app", 120,
                30, listener.settings.auth(), true, 1000, -1, true, List.of(HOOKED, PLAIN), List.of(),
                listener.settings.webhooks(), 10, false);
        listener.start(batch -> {
            sent.add(batch);
            return CompletableFuture.completedFuture(200);
        }, Runnable::run, time, time, PendingBatches.IN_MEMORY);
        return listener;
    }

    private List<String> bodiesTo(WebhookTarget target) {
        return sent.stream().filter(b -> b.target().equals(target)).map(Batch::body).toList();
    }

    @Test
    void each_target_gets_the_events_it_wants_of_its_own_app() {
        WebhookListener listener = listener();
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
    void a_batch_taken_over_from_a_lost_instance_goes_to_its_target_here_and_an_unknown_target_is_refused() {
        WebhookListener listener = listener();
        long deadline = time.getAsLong() + 60_000;
        assertTrue(listener.adopt(new Batch("lost-1", HOOKED, MEMBERS_OF_PRIVATE, "{\"events\":[]}", 1, 0, deadline)));
        assertEquals(List.of("lost-1"), sent.stream().map(Batch::id).toList());
        WebhookTarget elsewhere = WebhookTarget.everything(URI.create("http://127.0.0.1:1/other"));
        assertFalse(listener.adopt(new Batch("lost-2", HOOKED, elsewhere, "{}", 1, 0, deadline)));
        assertFalse(listener.adopt(new Batch("lost-3", PLAIN, ALL, "{}", 1, 0, deadline)));
        assertEquals(1, sent.size());
    }

    @Test
    void stopping_sends_the_open_batches() {
        WebhookListener listener = listener();
        listener.on(new Activity.CacheMissed(HOOKED, "cache-a"));
        listener.stop();
        assertEquals(1, bodiesTo(ALL).size());
    }
}
