package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.OutboundFrame;
import io.zintrust.socket.testing.FakeSocket;
import io.zintrust.socket.users.SignedInUser;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delivery of server events, client events and other instances' frames to this instance's sockets. */
class FanoutTest {

    static final App APP = new App("app-1", "key-1", "secret-1");

    final ChannelFixture fixture = new ChannelFixture();

    FakeSocket subscribed(String socketId, String channel) {
        FakeSocket socket = new FakeSocket(socketId, APP);
        fixture.subscribe(socket, channel);
        socket.clearSent();
        return socket;
    }

    FakeSocket signedIn(String socketId, String userId) {
        FakeSocket socket = new FakeSocket(socketId, APP);
        fixture.users.signIn(socket, SignedInUser.parse("{\"id\":\"" + userId + "\"}").orElseThrow());
        socket.clearSent();
        return socket;
    }

    @Test
    void a_published_event_is_encoded_once_and_reaches_every_subscriber() {
        List<FakeSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sockets.add(subscribed("1." + i, "news"));
        }
        fixture.publish(APP, "news", "update", "{\"n\":1}");
        OutboundFrame shared = sockets.get(0).sentFrames().get(0);
        for (FakeSocket socket : sockets) {
            assertEquals(1, socket.sentFrames().size(), socket.sent().toString());
            assertSame(shared, socket.sentFrames().get(0), "every recipient shares one encoded frame");
        }
        JsonObject frame = sockets.get(0).sentJson().get(0);
        assertEquals("update", frame.getString("event"));
        assertEquals("news", frame.getString("channel"));
        assertEquals("{\"n\":1}", frame.getString("data"), "a server event's data is the publisher's string");
    }

    @Test
    void a_published_event_skips_the_excepted_socket() {
        FakeSocket excepted = subscribed("1.1", "news");
        FakeSocket other = subscribed("1.2", "news");
        fixture.fanout.publish(APP, List.of("news"), "update", "x", "1.1");
        assertTrue(excepted.sent().isEmpty(), excepted.sent().toString());
        assertEquals(1, other.sent("update").size());
    }

    @Test
    void an_event_for_several_channels_reaches_each_channels_subscribers_with_its_own_channel_name() {
        FakeSocket a = subscribed("1.1", "a");
        FakeSocket b = subscribed("1.2", "b");
        fixture.fanout.publish(APP, List.of("a", "b", "unoccupied"), "update", "x", null);
        assertEquals("a", a.sent("update").get(0).getString("channel"));
        assertEquals("b", b.sent("update").get(0).getString("channel"));
        assertEquals(1, a.sent().size());
        assertEquals(1, b.sent().size());
    }

    @Test
    void an_event_for_server_to_user_reaches_every_socket_signed_in_as_that_user_and_only_those() {
        FakeSocket first = signedIn("1.1", "42");
        FakeSocket second = signedIn("1.2", "42");
        FakeSocket someoneElse = signedIn("1.3", "7");
        FakeSocket anonymous = subscribed("1.4", "news");
        fixture.publish(APP, "#server-to-user-42", "notice", "hello");
        for (FakeSocket socket : List.of(first, second)) {
            List<JsonObject> events = socket.sent("notice");
            assertEquals(1, events.size(), socket.sent().toString());
            assertEquals("#server-to-user-42", events.get(0).getString("channel"));
            assertEquals("hello", events.get(0).getString("data"));
        }
        assertTrue(someoneElse.sent().isEmpty());
        assertTrue(anonymous.sent().isEmpty());
    }

    @Test
    void an_event_for_server_to_user_skips_the_excepted_socket() {
        FakeSocket excepted = signedIn("1.1", "42");
        FakeSocket other = signedIn("1.2", "42");
        fixture.fanout.publish(APP, List.of("#server-to-user-42"), "notice", "hello", "1.1");
        assertTrue(excepted.sent().isEmpty());
        assertEquals(1, other.sent("notice").size());
    }

    @Test
    void every_publish_is_told_once_as_event_published_with_all_its_channels() {
        subscribed("1.1", "a");
        fixture.fanout.publish(APP, List.of("a", "b", "#server-to-user-9"), "update", "x", "1.5");
        fixture.fanout.publish(APP, List.of("nobody-here"), "other", "y", null);
        assertEquals(List.of(new Activity.EventPublished(APP, List.of("a", "b", "#server-to-user-9"), "update", "x", "1.5"),
                        new Activity.EventPublished(APP, List.of("nobody-here"), "other", "y", null)),
                fixture.heard.of(Activity.EventPublished.class));
    }

    @Test
    void a_client_event_reaches_the_other_subscribers_but_not_its_sender() {
        FakeSocket sender = subscribed("1.1", "private-chat");
        FakeSocket first = subscribed("1.2", "private-chat");
        FakeSocket second = subscribed("1.3", "private-chat");
        FakeSocket elsewhere = subscribed("1.4", "private-other");
        fixture.fanout.relay(sender, "private-chat", "client-typing", "{\"who\":\"me\"}");
        assertTrue(sender.sent().isEmpty(), sender.sent().toString());
        assertTrue(elsewhere.sent().isEmpty());
        for (FakeSocket socket : List.of(first, second)) {
            List<JsonObject> events = socket.sent("client-typing");
            assertEquals(1, events.size());
            assertEquals("private-chat", events.get(0).getString("channel"));
            assertEquals("me", events.get(0).getJsonObject("data").getString("who"), "client data keeps its JSON type");
            assertFalse(events.get(0).containsKey("user_id"), "no user on a private channel");
        }
    }

    @Test
    void a_client_event_on_a_presence_channel_carries_the_senders_user_id() {
        FakeSocket sender = new FakeSocket("1.1", APP);
        FakeSocket other = new FakeSocket("1.2", APP);
        fixture.join(sender, "presence-room", new Member("7", "null"));
        fixture.join(other, "presence-room", new Member("9", "null"));
        other.clearSent();
        fixture.fanout.relay(sender, "presence-room", "client-wave", "\"hi\"");
        JsonObject event = other.sent("client-wave").get(0);
        assertEquals("7", event.getString("user_id"));
        assertEquals("hi", event.getString("data"));
    }

    @Test
    void a_relayed_client_event_is_told_with_the_frame_the_others_got() {
        FakeSocket sender = new FakeSocket("1.1", APP);
        FakeSocket other = new FakeSocket("1.2", APP);
        fixture.join(sender, "presence-room", new Member("7", "null"));
        fixture.join(other, "presence-room", new Member("9", "null"));
        other.clearSent();
        fixture.fanout.relay(sender, "presence-room", "client-wave", "{\"a\":1}");
        String frame = other.sent().get(0);
        assertEquals(Frames.clientEvent("client-wave", "presence-room", "{\"a\":1}", "7"), frame);
        assertEquals(List.of(new Activity.ClientEventSent(APP, "presence-room", "client-wave", "{\"a\":1}", "1.1", "7",
                frame)), fixture.heard.of(Activity.ClientEventSent.class));
    }

    @Test
    void a_frame_from_another_instance_is_queued_for_every_subscriber_and_written_on_flush() {
        FakeSocket first = subscribed("1.1", "news");
        FakeSocket second = subscribed("1.2", "news");
        List<io.zintrust.socket.connections.ClientSocket> queued = new ArrayList<>();
        String text = Frames.event("update", "news", "from afar");
        fixture.heard.clear();
        fixture.fanout.queueFrame(APP, "news", text, null, queued);
        assertEquals(List.of(text), first.queued());
        assertTrue(first.sent().isEmpty(), "nothing is written before the flush");
        fixture.fanout.flush(queued);
        assertEquals(List.of(text), first.sent());
        assertEquals(List.of(text), second.sent());
        assertTrue(fixture.heard.all().isEmpty(), "frames of other instances are not told again");
    }

    @Test
    void a_publish_on_a_cache_channel_keeps_the_event_even_with_no_subscriber() {
        fixture.publish(APP, "cache-news", "update", "kept");
        CachedEvent cached = fixture.cache.cached(APP, "cache-news").orElseThrow();
        assertEquals("kept", cached.data());
        assertEquals(Frames.event("update", "cache-news", "kept"), cached.frame());
    }
}
