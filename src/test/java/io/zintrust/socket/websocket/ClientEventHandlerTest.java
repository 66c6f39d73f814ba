package io.zintrust.socket.websocket;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.ProtocolException;
import io.zintrust.socket.testing.AppBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zintrust.socket.websocket.SocketFixture.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** client-* events: where they are allowed, how large and how often, and who gets them. */
class ClientEventHandlerTest {

    static final App APP = AppBuilder.app("app").maxEventNameLength(30).maxEventBytes(64).clientEventsPerSecond(3)
            .build();

    final SocketFixture fixture = new SocketFixture();

    SocketFixture.Client subscribed(App app, String socketId, String channel) {
        SocketFixture.Client client = SocketFixture.client(socketId, app);
        if (channel.startsWith("presence-")) {
            fixture.state.join(client.connection, channel, new Member(socketId + "-user", "null"));
        } else {
            fixture.state.subscribe(client.connection, channel);
        }
        client.clear();
        return client;
    }

    static String event(String event, String channel, String dataJson) {
        return "{\"event\":\"" + event + "\",\"channel\":\"" + channel + "\"" + (dataJson == null ? "" : ",\"data\":"
                + dataJson) + "}";
    }

    void send(SocketFixture.Client sender, String frame) {
        fixture.clientEvent.handle(sender.connection, parsed(frame));
    }

    void assertRejected(SocketFixture.Client sender, String frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> send(sender, frame));
        assertEquals(ErrorCode.CLIENT_EVENT_REJECTED, e.code());
        assertEquals(4301, e.code().code());
    }

    @Test
    void a_client_event_reaches_the_other_subscribers_but_not_the_sender() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-chat");
        SocketFixture.Client other = subscribed(APP, "1.2", "private-chat");
        send(sender, event("client-typing", "private-chat", "{\"who\":\"me\"}"));
        assertEquals(List.of(), sender.written());
        JsonObject frame = other.only();
        assertEquals("client-typing", frame.getString("event"));
        assertEquals("private-chat", frame.getString("channel"));
        assertEquals("me", frame.getJsonObject("data").getString("who"));
        assertFalse(frame.containsKey("user_id"));
        assertEquals(1, fixture.state.heard.of(Activity.ClientEventSent.class).size());
    }

    @Test
    void a_client_event_on_a_presence_channel_names_the_senders_user() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "presence-room");
        SocketFixture.Client other = subscribed(APP, "1.2", "presence-room");
        send(sender, event("client-wave", "presence-room", "[1,2]"));
        JsonObject frame = other.only();
        assertEquals("1.1-user", frame.getString("user_id"));
        assertEquals(2, frame.getJsonArray("data").size(), "data keeps its JSON type");
    }

    @Test
    void client_events_are_rejected_when_the_app_disabled_them() {
        App off = AppBuilder.app("off").clientEvents(false).build();
        SocketFixture.Client sender = subscribed(off, "1.1", "private-chat");
        SocketFixture.Client other = subscribed(off, "1.2", "private-chat");
        assertRejected(sender, event("client-typing", "private-chat", "{}"));
        assertEquals(List.of(), other.written());
    }

    @Test
    void a_client_event_without_a_valid_channel_is_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-chat");
        assertRejected(sender, "{\"event\":\"client-typing\",\"data\":{}}");
        assertRejected(sender, event("client-typing", "bad channel", "{}"));
    }

    @Test
    void a_client_event_on_a_public_channel_is_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "news");
        SocketFixture.Client other = subscribed(APP, "1.2", "news");
        assertRejected(sender, event("client-typing", "news", "{}"));
        assertEquals(List.of(), other.written());
    }

    @Test
    void a_client_event_on_an_encrypted_channel_is_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-encrypted-vault");
        assertRejected(sender, event("client-typing", "private-encrypted-vault", "{}"));
    }

    @Test
    void a_client_event_on_a_channel_the_sender_is_not_subscribed_to_is_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-mine");
        SocketFixture.Client other = subscribed(APP, "1.2", "private-theirs");
        assertRejected(sender, event("client-typing", "private-theirs", "{}"));
        assertEquals(List.of(), other.written());
    }

    @Test
    void a_client_event_name_over_the_apps_limit_is_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-chat");
        assertRejected(sender, event("client-" + "x".repeat(30), "private-chat", "{}"));
    }

    @Test
    void a_client_event_without_data_is_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-chat");
        assertRejected(sender, event("client-typing", "private-chat", null));
    }

    @Test
    void client_event_data_over_the_apps_size_limit_is_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-chat");
        SocketFixture.Client other = subscribed(APP, "1.2", "private-chat");
        assertRejected(sender, event("client-typing", "private-chat", "\"" + "x".repeat(64) + "\""));
        send(sender, event("client-typing", "private-chat", "\"" + "x".repeat(62) + "\""));
        assertEquals(1, other.frames("client-typing").size(), "64 bytes with the quotes are within the limit");
    }

    @Test
    void client_events_past_the_apps_rate_are_rejected() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "private-chat");
        SocketFixture.Client other = subscribed(APP, "1.2", "private-chat");
        for (int i = 0; i < 3; i++) {
            send(sender, event("client-typing", "private-chat", "{\"n\":" + i + "}"));
        }
        assertRejected(sender, event("client-typing", "private-chat", "{\"n\":3}"));
        assertEquals(3, other.frames("client-typing").size());
    }

    @Test
    void a_rejected_client_event_is_not_told() {
        SocketFixture.Client sender = subscribed(APP, "1.1", "news");
        assertRejected(sender, event("client-typing", "news", "{}"));
        assertTrue(fixture.state.heard.of(Activity.ClientEventSent.class).isEmpty());
    }
}
