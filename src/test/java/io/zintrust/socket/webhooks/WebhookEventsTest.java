package io.zintrust.socket.webhooks;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The seven event objects, byte for byte as Pusher sends them. */
class WebhookEventsTest {

    private static final App APP = new App("1", "key", "secret");

    private static String json(Activity activity) {
        return WebhookEvents.of(activity).json();
    }

    @Test
    void each_activity_becomes_its_event_with_its_fields() {
        assertEquals("{\"name\":\"channel_occupied\",\"channel\":\"news\"}", json(new Activity.ChannelOccupied(APP, "news")));
        assertEquals("{\"name\":\"channel_vacated\",\"channel\":\"news\"}", json(new Activity.ChannelVacated(APP, "news")));
        assertEquals("{\"name\":\"member_added\",\"channel\":\"presence-a\",\"user_id\":\"7\"}",
                json(new Activity.MemberAdded(APP, "presence-a", "7", "{\"name\":\"x\"}")));
        assertEquals("{\"name\":\"member_removed\",\"channel\":\"presence-a\",\"user_id\":\"7\"}",
                json(new Activity.MemberRemoved(APP, "presence-a", "7")));
        assertEquals("{\"name\":\"cache_miss\",\"channel\":\"cache-a\"}", json(new Activity.CacheMissed(APP, "cache-a")));
        assertEquals("{\"name\":\"subscription_count\",\"channel\":\"a\",\"subscription_count\":3}",
                json(new Activity.SubscriptionCountChanged(APP, "a", 3)));
    }

    @Test
    void a_client_events_data_goes_in_as_sent_and_user_id_only_on_presence() {
        assertEquals("{\"name\":\"client_event\",\"channel\":\"private-a\",\"event\":\"client-typing\","
                        + "\"data\":{\"typing\":true, \"n\":1.50},\"socket_id\":\"1.2\"}",
                json(new Activity.ClientEventSent(APP, "private-a", "client-typing", "{\"typing\":true, \"n\":1.50}",
                        "1.2", null, "frame")));
        assertEquals("{\"name\":\"client_event\",\"channel\":\"presence-a\",\"event\":\"client-\\\"q\\\"\","
                        + "\"data\":\"text\",\"socket_id\":\"1.2\",\"user_id\":\"u\\\\1\"}",
                json(new Activity.ClientEventSent(APP, "presence-a", "client-\"q\"", "\"text\"", "1.2", "u\\1", "frame")));
    }

    @Test
    void the_type_and_channel_are_kept_for_the_filters_and_other_activities_send_nothing() {
        OutgoingEvent event = WebhookEvents.of(new Activity.MemberAdded(APP, "presence-a", "7", "{}"));
        assertEquals(WebhookEvent.MEMBER_ADDED, event.type());
        assertEquals("presence-a", event.channel());
        assertNull(WebhookEvents.of(new Activity.EventPublished(APP, List.of("a"), "e", "d", null)));
        assertNull(WebhookEvents.of(new Activity.ConnectionOpened(APP, "1.2")));
        assertNull(WebhookEvents.of(new Activity.UserSignedIn(APP, "1.2", "u")));
    }
}
