package io.zintrust.socket.cluster;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.channel.ChannelFixture;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.testing.AppBuilder;
import io.zintrust.socket.testing.FakeSocket;
import io.zintrust.socket.testing.Json;
import io.zintrust.socket.users.SignedInUser;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Other instances' messages applied to this instance's sockets, queued for one flush per burst. */
class InboundApplierTest {

    static final App APP = AppBuilder.app("app-1").watchlist().build();

    final ChannelFixture state = new ChannelFixture();
    final InboundApplier applier = new InboundApplier();
    final Set<ClientSocket> queued = new LinkedHashSet<>();

    InboundApplierTest() {
        applier.apps = new Apps() {
            @Override
            public Optional<App> byId(String id) {
                return APP.id().equals(id) ? Optional.of(APP) : Optional.empty();
            }
        };
        applier.fanout = state.fanout;
        applier.users = state.users;
    }

    FakeSocket subscribed(String socketId, String channel) {
        FakeSocket socket = new FakeSocket(socketId, APP);
        state.subscribe(socket, channel);
        socket.clearSent();
        return socket;
    }

    FakeSocket signedIn(String socketId, String userData) {
        FakeSocket socket = new FakeSocket(socketId, APP);
        state.users.signIn(socket, SignedInUser.parse(userData).orElseThrow());
        socket.clearSent();
        return socket;
    }

    @Test
    void a_publish_is_queued_for_the_subscribers_here_but_the_excepted_socket_and_written_on_flush() {
        FakeSocket excepted = subscribed("1.1", "news");
        FakeSocket other = subscribed("1.2", "news");
        state.heard.clear();
        applier.apply(new ClusterMessage.Publish("app-1", List.of("news"), "update", "far", "1.1"), queued);
        assertEquals(List.of(other), List.copyOf(queued));
        assertEquals(List.of(Frames.event("update", "news", "far")), other.queued());
        assertTrue(other.sent().isEmpty(), "written at the end of the burst");
        state.fanout.flush(queued);
        assertEquals(List.of(Frames.event("update", "news", "far")), other.sent());
        assertTrue(excepted.sent().isEmpty());
        assertTrue(state.heard.all().isEmpty(), "another instance's publish is not told again");
    }

    @Test
    void a_publish_to_a_cache_channel_is_kept_here_too() {
        applier.apply(new ClusterMessage.Publish("app-1", List.of("cache-news"), "update", "kept", null), queued);
        assertEquals("kept", state.cache.cached(APP, "cache-news").orElseThrow().data());
    }

    @Test
    void a_publish_to_server_to_user_reaches_the_users_sockets_here() {
        FakeSocket user = signedIn("1.1", "{\"id\":\"42\"}");
        applier.apply(new ClusterMessage.Publish("app-1", List.of("#server-to-user-42"), "notice", "hi", null), queued);
        state.fanout.flush(queued);
        assertEquals("hi", user.sent("notice").get(0).getString("data"));
    }

    @Test
    void a_relay_is_queued_for_every_subscriber_here() {
        FakeSocket first = subscribed("1.1", "private-chat");
        FakeSocket second = subscribed("1.2", "private-chat");
        String frame = Frames.clientEvent("client-typing", "private-chat", "{}", null);
        applier.apply(new ClusterMessage.Relay("app-1", "private-chat", frame), queued);
        state.fanout.flush(queued);
        assertEquals(List.of(frame), first.sent());
        assertEquals(List.of(frame), second.sent());
    }

    @Test
    void a_terminate_closes_the_users_sockets_here_with_4009_and_tells_nothing() {
        FakeSocket user = signedIn("1.1", "{\"id\":\"42\"}");
        state.heard.clear();
        applier.apply(new ClusterMessage.Terminate("app-1", "42"), queued);
        assertEquals(List.of(ErrorCode.UNAUTHORIZED), user.closes().stream().map(FakeSocket.Close::code).toList());
        assertTrue(state.heard.all().isEmpty(), "the terminating instance told the others already");
    }

    @Test
    void a_watch_reaches_the_users_watchers_here() {
        FakeSocket watcher = signedIn("1.1", "{\"id\":\"w\",\"watchlist\":[\"far\"]}");
        applier.apply(new ClusterMessage.Watch("app-1", "far", true), queued);
        List<JsonObject> events = watcher.sent("pusher_internal:watchlist_events");
        assertEquals(1, events.size());
        JsonObject event = Json.data(events.get(0)).getJsonArray("events").getJsonObject(0);
        assertEquals("online", event.getString("name"));
        assertEquals("far", event.getJsonArray("user_ids").getString(0));
    }

    @Test
    void a_message_for_an_app_this_instance_does_not_serve_is_ignored() {
        FakeSocket socket = subscribed("1.1", "news");
        FakeSocket user = signedIn("1.2", "{\"id\":\"42\"}");
        applier.apply(new ClusterMessage.Publish("unknown", List.of("news"), "update", "x", null), queued);
        applier.apply(new ClusterMessage.Relay("unknown", "news", "{}"), queued);
        applier.apply(new ClusterMessage.Terminate("unknown", "42"), queued);
        assertTrue(queued.isEmpty());
        assertTrue(socket.queued().isEmpty());
        assertEquals(List.of(), user.closes());
    }
}
