package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.testing.AppBuilder;
import io.zintrust.socket.testing.FakeSocket;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pusher_internal:subscription_count for apps that opt in, throttled on large channels. */
class SubscriptionCountsTest {

    static final App COUNTING = AppBuilder.app("count-app").subscriptionCount().build();
    static final App PLAIN = new App("plain-app", "plain-key", "plain-secret");

    final ChannelFixture fixture = new ChannelFixture();

    static List<Integer> counts(FakeSocket socket, String channel) {
        List<Integer> counts = new ArrayList<>();
        for (JsonObject frame : socket.sent("pusher_internal:subscription_count")) {
            assertEquals(channel, frame.getString("channel"));
            counts.add(Json.data(frame).getInt("subscription_count"));
        }
        return counts;
    }

    List<FakeSocket> subscribers(int n, String channel) {
        List<FakeSocket> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FakeSocket socket = new FakeSocket("9." + i, COUNTING);
            fixture.subscribe(socket, channel);
            sockets.add(socket);
        }
        return sockets;
    }

    @Test
    void a_subscriber_hears_the_count_after_its_answer_and_every_subscriber_hears_each_new_size() {
        FakeSocket first = new FakeSocket("1.1", COUNTING);
        FakeSocket second = new FakeSocket("1.2", COUNTING);
        fixture.subscribe(first, "news");
        assertEquals(List.of("pusher_internal:subscription_succeeded", "pusher_internal:subscription_count"),
                first.sentEvents());
        fixture.subscribe(second, "news");
        assertEquals(List.of(1, 2), counts(first, "news"));
        assertEquals(List.of(2), counts(second, "news"));
        assertEquals(List.of(new Activity.SubscriptionCountChanged(COUNTING, "news", 1),
                new Activity.SubscriptionCountChanged(COUNTING, "news", 2)),
                fixture.heard.of(Activity.SubscriptionCountChanged.class));
    }

    @Test
    void those_who_stay_hear_the_smaller_count_and_the_last_one_leaving_causes_none() {
        FakeSocket first = new FakeSocket("1.1", COUNTING);
        FakeSocket second = new FakeSocket("1.2", COUNTING);
        fixture.subscribe(first, "news");
        fixture.subscribe(second, "news");
        first.clearSent();
        second.clearSent();
        fixture.heard.clear();
        fixture.subscriptions.unsubscribe(second, "news");
        assertEquals(List.of(1), counts(first, "news"));
        assertTrue(second.sent().isEmpty(), "the leaver is not told: " + second.sent());
        fixture.subscriptions.unsubscribe(first, "news");
        assertEquals(List.of(1), counts(first, "news"));
        assertEquals(List.of(new Activity.SubscriptionCountChanged(COUNTING, "news", 1)),
                fixture.heard.of(Activity.SubscriptionCountChanged.class));
    }

    @Test
    void subscribing_again_tells_no_new_count() {
        FakeSocket socket = new FakeSocket("1.1", COUNTING);
        fixture.subscribe(socket, "news");
        socket.clearSent();
        fixture.subscribe(socket, "news");
        assertEquals(List.of("pusher_internal:subscription_succeeded"), socket.sentEvents());
    }

    @Test
    void apps_without_subscription_counting_hear_no_counts() {
        FakeSocket first = new FakeSocket("1.1", PLAIN);
        FakeSocket second = new FakeSocket("1.2", PLAIN);
        fixture.subscribe(first, "news");
        fixture.subscribe(second, "news");
        fixture.subscriptions.unsubscribe(second, "news");
        assertTrue(first.sent("pusher_internal:subscription_count").isEmpty(), first.sent().toString());
        assertTrue(fixture.heard.of(Activity.SubscriptionCountChanged.class).isEmpty());
    }

    @Test
    void presence_channels_hear_no_counts() {
        FakeSocket first = new FakeSocket("1.1", COUNTING);
        FakeSocket second = new FakeSocket("1.2", COUNTING);
        fixture.join(first, "presence-room", new Member("7", "null"));
        fixture.join(second, "presence-room", new Member("9", "null"));
        fixture.subscriptions.unsubscribe(second, "presence-room");
        assertTrue(first.sent("pusher_internal:subscription_count").isEmpty(), first.sent().toString());
        assertTrue(fixture.heard.of(Activity.SubscriptionCountChanged.class).isEmpty());
    }

    @Test
    void a_channel_of_up_to_100_subscribers_hears_every_count() {
        List<FakeSocket> sockets = subscribers(SubscriptionCounts.THROTTLE_ABOVE, "big");
        List<Integer> heardByFirst = counts(sockets.get(0), "big");
        assertEquals(SubscriptionCounts.THROTTLE_ABOVE, heardByFirst.size());
        assertEquals(SubscriptionCounts.THROTTLE_ABOVE, heardByFirst.get(heardByFirst.size() - 1));
    }

    @Test
    void above_100_subscribers_a_count_within_5_seconds_of_the_last_is_held_back_until_the_sweep() {
        List<FakeSocket> sockets = subscribers(SubscriptionCounts.THROTTLE_ABOVE, "big");
        sockets.forEach(FakeSocket::clearSent);
        fixture.heard.clear();
        FakeSocket latecomer = new FakeSocket("1.1", COUNTING);
        fixture.subscribe(latecomer, "big");
        assertEquals(List.of("pusher_internal:subscription_succeeded"), latecomer.sentEvents());
        assertTrue(sockets.get(0).sent().isEmpty(), sockets.get(0).sent().toString());
        assertTrue(fixture.heard.of(Activity.SubscriptionCountChanged.class).isEmpty());
        Channel channel = fixture.channels.find(COUNTING, "big");
        assertTrue(channel.countPending);

        fixture.counts.sendPending();
        assertTrue(latecomer.sent("pusher_internal:subscription_count").isEmpty(), "not due yet");

        channel.countSentNanos = System.nanoTime() - SubscriptionCounts.THROTTLE_NANOS - 1;
        fixture.counts.sendPending();
        assertEquals(List.of(101), counts(latecomer, "big"));
        for (FakeSocket socket : sockets) {
            assertEquals(List.of(101), counts(socket, "big"), socket.toString());
        }
        assertEquals(List.of(new Activity.SubscriptionCountChanged(COUNTING, "big", 101)),
                fixture.heard.of(Activity.SubscriptionCountChanged.class));
        assertFalse(channel.countPending);
    }

    @Test
    void the_sweep_sends_nothing_once_the_owed_count_went_out() {
        subscribers(SubscriptionCounts.THROTTLE_ABOVE + 1, "big");
        Channel channel = fixture.channels.find(COUNTING, "big");
        channel.countSentNanos = System.nanoTime() - SubscriptionCounts.THROTTLE_NANOS - 1;
        fixture.counts.sendPending();
        fixture.heard.clear();
        channel.countSentNanos = System.nanoTime() - SubscriptionCounts.THROTTLE_NANOS - 1;
        fixture.counts.sendPending();
        assertTrue(fixture.heard.of(Activity.SubscriptionCountChanged.class).isEmpty());
    }

    @Test
    void above_100_subscribers_a_count_more_than_5_seconds_after_the_last_goes_out_at_once() {
        List<FakeSocket> sockets = subscribers(SubscriptionCounts.THROTTLE_ABOVE, "big");
        sockets.forEach(FakeSocket::clearSent);
        fixture.channels.find(COUNTING, "big").countSentNanos = System.nanoTime() - SubscriptionCounts.THROTTLE_NANOS - 1;
        FakeSocket latecomer = new FakeSocket("1.1", COUNTING);
        fixture.subscribe(latecomer, "big");
        assertEquals(List.of(101), counts(latecomer, "big"));
        assertEquals(List.of(101), counts(sockets.get(50), "big"));
    }
}
