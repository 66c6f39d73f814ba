package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.testing.AppBuilder;
import io.zintrust.socket.testing.FakeSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joining and leaving channels: the answers, the deliveries, the limits and the activities. */
class SubscriptionsTest {

    static final App APP = new App("app-1", "key-1", "secret-1");

    final ChannelFixture fixture = new ChannelFixture();

    @Test
    void a_subscription_is_answered_with_subscription_succeeded_on_the_channel() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        assertEquals(Subscriptions.Joined.SUBSCRIBED, fixture.subscribe(socket, "news"));
        List<JsonObject> frames = socket.sentJson();
        assertEquals(1, frames.size(), socket.sent().toString());
        assertEquals("pusher_internal:subscription_succeeded", frames.get(0).getString("event"));
        assertEquals("news", frames.get(0).getString("channel"));
        assertEquals("{}", frames.get(0).getString("data"), "data is a JSON string holding an empty object");
        assertEquals(Set.of("news"), socket.channels());
        assertTrue(socket.queued().isEmpty(), "the answer is flushed, not left queued");
    }

    @Test
    void each_subscribe_is_answered_but_a_second_subscribe_never_delivers_an_event_twice() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.subscribe(socket, "news");
        fixture.subscribe(socket, "news");
        assertEquals(2, socket.sent("pusher_internal:subscription_succeeded").size());
        socket.clearSent();
        fixture.publish(APP, "news", "update", "payload");
        List<JsonObject> events = socket.sent("update");
        assertEquals(1, events.size());
        assertEquals("news", events.get(0).getString("channel"));
        assertEquals("payload", events.get(0).getString("data"));
        assertEquals(1, fixture.channels.stats(APP, "news").subscriptionCount());
    }

    @Test
    void after_unsubscribing_a_socket_gets_no_more_events_of_the_channel() {
        FakeSocket leaving = new FakeSocket("1.1", APP);
        FakeSocket staying = new FakeSocket("1.2", APP);
        fixture.subscribe(leaving, "news");
        fixture.subscribe(staying, "news");
        fixture.subscriptions.unsubscribe(leaving, "news");
        leaving.clearSent();
        staying.clearSent();
        fixture.publish(APP, "news", "update", "payload");
        assertTrue(leaving.sent().isEmpty(), leaving.sent().toString());
        assertEquals(1, staying.sent("update").size());
        assertTrue(leaving.channels().isEmpty());
    }

    @Test
    void the_first_subscriber_occupies_the_channel_and_later_ones_do_not_again() {
        fixture.subscribe(new FakeSocket("1.1", APP), "news");
        fixture.subscribe(new FakeSocket("1.2", APP), "news");
        fixture.subscribe(new FakeSocket("1.3", APP), "sports");
        assertEquals(List.of(new Activity.ChannelOccupied(APP, "news"), new Activity.ChannelOccupied(APP, "sports")),
                fixture.heard.of(Activity.ChannelOccupied.class));
    }

    @Test
    void the_last_subscriber_leaving_vacates_the_channel_once() {
        FakeSocket first = new FakeSocket("1.1", APP);
        FakeSocket second = new FakeSocket("1.2", APP);
        fixture.subscribe(first, "news");
        fixture.subscribe(second, "news");
        fixture.subscriptions.unsubscribe(first, "news");
        assertTrue(fixture.heard.of(Activity.ChannelVacated.class).isEmpty(), "one subscriber is left");
        fixture.subscriptions.unsubscribe(second, "news");
        fixture.subscriptions.unsubscribe(second, "news");
        fixture.subscriptions.unsubscribe(first, "news");
        assertEquals(List.of(new Activity.ChannelVacated(APP, "news")), fixture.heard.of(Activity.ChannelVacated.class));
        assertNull(fixture.channels.find(APP, "news"), "an empty channel leaves the table");
    }

    @Test
    void a_vacated_channel_subscribed_again_is_occupied_again() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.subscribe(socket, "news");
        fixture.subscriptions.unsubscribe(socket, "news");
        fixture.subscribe(socket, "news");
        assertEquals(2, fixture.heard.of(Activity.ChannelOccupied.class).size());
        socket.clearSent();
        fixture.publish(APP, "news", "update", "again");
        assertEquals(1, socket.sent("update").size());
    }

    @Test
    void a_socket_at_the_channel_limit_is_refused_with_too_many_channels_and_joins_nothing() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        for (int i = 0; i < Subscriptions.MAX_CHANNELS_PER_SOCKET; i++) {
            assertEquals(Subscriptions.Joined.SUBSCRIBED, fixture.subscribe(socket, "c" + i));
        }
        socket.clearSent();
        fixture.heard.clear();
        assertEquals(Subscriptions.Joined.TOO_MANY_CHANNELS, fixture.subscribe(socket, "one-more"));
        assertTrue(socket.sent().isEmpty(), socket.sent().toString());
        assertFalse(socket.channels().contains("one-more"));
        assertEquals(Subscriptions.MAX_CHANNELS_PER_SOCKET, socket.channels().size());
        assertNull(fixture.channels.find(APP, "one-more"), "the refused channel is not left in the table");
        assertTrue(fixture.heard.all().isEmpty(), fixture.heard.all().toString());
    }

    @Test
    void a_socket_at_the_channel_limit_may_still_subscribe_again_to_a_channel_it_is_in() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        for (int i = 0; i < Subscriptions.MAX_CHANNELS_PER_SOCKET; i++) {
            fixture.subscribe(socket, "c" + i);
        }
        socket.clearSent();
        assertEquals(Subscriptions.Joined.SUBSCRIBED, fixture.subscribe(socket, "c7"));
        assertEquals(List.of("pusher_internal:subscription_succeeded"), socket.sentEvents());
    }

    @Test
    void a_socket_that_is_gone_when_subscribing_ends_up_in_no_channel() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        socket.setGone(true);
        fixture.subscribe(socket, "news");
        fixture.join(socket, "presence-room", new Member("7", "null"));
        assertTrue(socket.channels().isEmpty());
        assertTrue(socket.presenceIds().isEmpty());
        assertNull(fixture.channels.find(APP, "news"));
        assertNull(fixture.channels.find(APP, "presence-room"));
        assertTrue(fixture.heard.of(Activity.ChannelOccupied.class).isEmpty());
        fixture.publish(APP, "news", "update", "payload");
        assertTrue(socket.sent().isEmpty(), socket.sent().toString());
    }

    @Test
    void leave_all_takes_the_socket_out_of_every_channel_and_vacates_those_it_was_alone_in() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        FakeSocket other = new FakeSocket("1.2", APP);
        fixture.subscribe(socket, "a");
        fixture.subscribe(socket, "b");
        fixture.join(socket, "presence-c", new Member("7", "null"));
        fixture.subscribe(other, "b");
        fixture.subscriptions.leaveAll(socket);
        assertTrue(socket.channels().isEmpty());
        assertTrue(socket.presenceIds().isEmpty());
        assertEquals(Set.of(new Activity.ChannelVacated(APP, "a"), new Activity.ChannelVacated(APP, "presence-c")),
                Set.copyOf(fixture.heard.of(Activity.ChannelVacated.class)));
        socket.clearSent();
        fixture.fanout.publish(APP, List.of("a", "b", "presence-c"), "update", "x", null);
        assertTrue(socket.sent().isEmpty(), socket.sent().toString());
        assertEquals(1, other.sent("update").size());
    }

    @Test
    void unsubscribing_from_a_channel_the_socket_is_not_in_changes_nothing() {
        FakeSocket member = new FakeSocket("1.1", APP);
        FakeSocket stranger = new FakeSocket("1.2", APP);
        fixture.subscribe(member, "news");
        fixture.subscriptions.unsubscribe(stranger, "news");
        fixture.subscriptions.unsubscribe(stranger, "nowhere");
        assertEquals(1, fixture.channels.stats(APP, "news").subscriptionCount());
        assertTrue(fixture.heard.of(Activity.ChannelVacated.class).isEmpty());
    }

    @Test
    void channels_of_the_same_name_in_two_apps_are_two_channels() {
        App other = new App("app-2", "key-2", "secret-2");
        FakeSocket first = new FakeSocket("1.1", APP);
        FakeSocket second = new FakeSocket("1.2", other);
        fixture.subscribe(first, "news");
        fixture.subscribe(second, "news");
        first.clearSent();
        second.clearSent();
        fixture.publish(APP, "news", "update", "for app 1");
        assertEquals(1, first.sent("update").size());
        assertTrue(second.sent().isEmpty());
    }

    @Test
    void an_empty_cache_channel_answers_a_cache_miss_after_subscription_succeeded_and_tells_it() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.subscribe(socket, "cache-news");
        assertEquals(List.of("pusher_internal:subscription_succeeded", "pusher:cache_miss"), socket.sentEvents());
        assertEquals("cache-news", socket.sentJson().get(1).getString("channel"));
        assertEquals(List.of(new Activity.CacheMissed(APP, "cache-news")), fixture.heard.of(Activity.CacheMissed.class));
    }

    @Test
    void a_cache_channel_gives_a_new_subscriber_its_last_event_as_the_frame_that_was_published() {
        fixture.publish(APP, "cache-news", "update", "first");
        fixture.publish(APP, "cache-news", "update", "second");
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.subscribe(socket, "cache-news");
        assertEquals(2, socket.sent().size(), socket.sent().toString());
        assertEquals("pusher_internal:subscription_succeeded", socket.sentEvents().get(0));
        assertEquals(Frames.event("update", "cache-news", "second"), socket.sent().get(1));
        assertTrue(fixture.heard.of(Activity.CacheMissed.class).isEmpty());
    }

    @Test
    void a_presence_cache_channel_sends_its_cached_event_after_the_roster() {
        fixture.publish(APP, "presence-cache-room", "update", "kept");
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.join(socket, "presence-cache-room", new Member("7", "null"));
        assertEquals(List.of("pusher_internal:subscription_succeeded", "update"), socket.sentEvents());
        assertEquals("kept", socket.sentJson().get(1).getString("data"));
    }

    @Test
    void an_empty_presence_cache_channel_answers_a_cache_miss_after_the_roster_and_tells_it() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.join(socket, "presence-cache-room", new Member("7", "null"));
        assertEquals(List.of("pusher_internal:subscription_succeeded", "pusher:cache_miss"), socket.sentEvents());
        assertEquals(List.of(new Activity.CacheMissed(APP, "presence-cache-room")),
                fixture.heard.of(Activity.CacheMissed.class));
    }

    @Test
    void an_expired_cached_event_is_not_replayed_and_the_subscriber_gets_a_cache_miss() {
        App app = AppBuilder.app("ttl-app").cacheTtlSeconds(0).build();
        fixture.publish(app, "cache-news", "update", "stale");
        FakeSocket socket = new FakeSocket("1.1", app);
        fixture.subscribe(socket, "cache-news");
        assertEquals(List.of("pusher_internal:subscription_succeeded", "pusher:cache_miss"), socket.sentEvents());
        assertTrue(fixture.cache.cached(app, "cache-news").isEmpty());
    }

    @Test
    void the_expiry_sweep_drops_expired_events_and_keeps_live_ones() {
        App shortLived = AppBuilder.app("ttl-app").cacheTtlSeconds(0).build();
        fixture.publish(shortLived, "cache-gone", "update", "stale");
        fixture.publish(APP, "cache-kept", "update", "fresh");
        fixture.cache.expire();
        assertTrue(fixture.cache.cached(shortLived, "cache-gone").isEmpty());
        CachedEvent kept = fixture.cache.cached(APP, "cache-kept").orElseThrow();
        assertEquals("update", kept.event());
        assertEquals("fresh", kept.data());
        assertEquals(Frames.event("update", "cache-kept", "fresh"), kept.frame());
    }

    @Test
    void a_channel_without_the_cache_prefix_keeps_nothing_and_sends_no_cache_frames() {
        fixture.publish(APP, "news", "update", "gone");
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.subscribe(socket, "news");
        assertEquals(List.of("pusher_internal:subscription_succeeded"), socket.sentEvents());
        assertTrue(fixture.cache.cached(APP, "news").isEmpty());
        assertTrue(fixture.heard.of(Activity.CacheMissed.class).isEmpty());
    }

    private static final App COUNTING = AppBuilder.app("counting").subscriptionCount().build();

    private List<Activity> occupancyActivities() {
        return fixture.heard.all().stream().filter(a -> a instanceof Activity.ChannelOccupied
                || a instanceof Activity.ChannelVacated || a instanceof Activity.MemberAdded
                || a instanceof Activity.MemberRemoved || a instanceof Activity.SubscriptionCountChanged).toList();
    }

    @Test
    void a_presence_channel_is_occupied_before_its_first_member_added_and_vacated_after_its_last_member_removed() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        fixture.join(socket, "presence-room", new Member("7", "{}"));
        fixture.subscriptions.unsubscribe(socket, "presence-room");
        assertEquals(List.of(new Activity.ChannelOccupied(APP, "presence-room"),
                new Activity.MemberAdded(APP, "presence-room", "7", "{}"),
                new Activity.MemberRemoved(APP, "presence-room", "7"),
                new Activity.ChannelVacated(APP, "presence-room")), occupancyActivities());
    }

    @Test
    void a_channel_another_instance_holds_is_neither_occupied_nor_vacated_here_and_its_count_is_the_clusters() {
        fixture.ledger.elsewhere = 3;
        FakeSocket socket = new FakeSocket("1.1", COUNTING);
        fixture.subscribe(socket, "news");
        fixture.subscriptions.unsubscribe(socket, "news");
        assertEquals(List.of(new Activity.SubscriptionCountChanged(COUNTING, "news", 4),
                new Activity.SubscriptionCountChanged(COUNTING, "news", 3)), occupancyActivities(),
                "the count the others still hold after this instance's last subscriber left");
        assertEquals(List.of("occupancy news 1", "occupancy news 0"), fixture.ledger.calls);
        assertEquals(List.of(), fixture.ledger.callsUnderAChannelLock, "the ledger is asked after the channel's lock");
    }

    @Test
    void an_app_whose_occupancy_is_not_followed_never_asks_the_ledger_and_counts_this_instance_only() {
        fixture.ledger.followsOccupancy = false;
        fixture.ledger.elsewhere = 3;
        FakeSocket first = new FakeSocket("1.1", COUNTING);
        FakeSocket second = new FakeSocket("1.2", COUNTING);
        fixture.subscribe(first, "news");
        fixture.subscribe(second, "news");
        fixture.subscriptions.unsubscribe(first, "news");
        fixture.subscriptions.unsubscribe(second, "news");
        assertEquals(List.of(new Activity.SubscriptionCountChanged(COUNTING, "news", 1),
                new Activity.SubscriptionCountChanged(COUNTING, "news", 2),
                new Activity.SubscriptionCountChanged(COUNTING, "news", 1)), occupancyActivities());
        assertEquals(List.of(), fixture.ledger.calls);
    }

    @Test
    void a_channel_left_and_joined_again_at_once_reaches_the_ledger_as_vacate_then_occupy() {
        FakeSocket first = new FakeSocket("1.1", COUNTING);
        FakeSocket second = new FakeSocket("1.2", COUNTING);
        fixture.subscribe(first, "news");
        fixture.subscriptions.unsubscribe(first, "news");
        fixture.subscribe(second, "news");
        assertEquals(List.of("occupancy news 1", "occupancy news 0", "occupancy news 1"), fixture.ledger.calls);
        assertEquals(List.of(new Activity.ChannelOccupied(COUNTING, "news"),
                new Activity.SubscriptionCountChanged(COUNTING, "news", 1),
                new Activity.ChannelVacated(COUNTING, "news"),
                new Activity.ChannelOccupied(COUNTING, "news"),
                new Activity.SubscriptionCountChanged(COUNTING, "news", 1)), occupancyActivities());
    }
}
