package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.signature.ChannelSignature;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zintrust.socket.websocket.SocketFixture.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatcher: each client frame to its handler, every refusal answered, nothing thrown into the container. */
class PusherProtocolTest {

    static final App APP = new App("app-1", "key-1", "secret-1");

    final SocketFixture fixture = new SocketFixture();
    final SocketFixture.Client client = SocketFixture.client("123.456", APP);

    void text(String frame) {
        fixture.protocol.onText(client.connection, frame);
    }

    /** The data of the only frame, checked to be a pusher:error with the code. */
    JsonObject error(int code) {
        JsonObject frame = client.only();
        assertEquals("pusher:error", frame.getString("event"));
        JsonObject data = Json.data(frame);
        assertEquals(code, data.getInt("code"));
        assertTrue(!data.getString("message").isBlank());
        assertEquals(List.of(), client.closeCodes(), "an error frame alone leaves the socket open");
        return data;
    }

    @Test
    void a_ping_is_answered_with_a_pong() {
        text("{\"event\":\"pusher:ping\",\"data\":{}}");
        assertEquals(List.of(Frames.PONG), client.written());
    }

    @Test
    void a_pong_is_answered_with_nothing_and_clears_the_outstanding_ping() {
        client.connection.pinged(System.nanoTime());
        text("{\"event\":\"pusher:pong\",\"data\":{}}");
        assertEquals(List.of(), client.written());
        assertEquals(0, client.connection.pingSentNanos());
    }

    @Test
    void any_frame_proves_the_client_alive() {
        client.connection.pinged(System.nanoTime());
        text("not json");
        assertEquals(0, client.connection.pingSentNanos());
    }

    @Test
    void an_unknown_event_is_answered_with_error_4302() {
        text("{\"event\":\"pusher:nonsense\",\"data\":{}}");
        assertTrue(error(4302).getString("message").contains("pusher:nonsense"));
    }

    @Test
    void malformed_json_is_answered_with_error_4302() {
        for (String bad : List.of("not json", "{\"event\":", "[\"pusher:ping\"]", "{\"event\":\"pusher:ping\"} extra")) {
            client.clear();
            text(bad);
            error(4302);
        }
        assertEquals(4, fixture.protocol.badInput.count(BadInput.Kind.MALFORMED_FRAME));
    }

    @Test
    void a_frame_without_an_event_name_is_answered_with_error_4302() {
        for (String bad : List.of("{\"data\":{}}", "{\"event\":\"\"}", "{\"event\":7}")) {
            client.clear();
            text(bad);
            error(4302);
        }
    }

    @Test
    void a_binary_frame_is_answered_with_error_4302() {
        client.connection.pinged(System.nanoTime());
        fixture.protocol.onBinary(client.connection);
        error(4302);
        assertEquals(0, client.connection.pingSentNanos());
    }

    @Test
    void a_subscribe_is_handed_to_the_subscribe_handler() {
        text(frame("pusher:subscribe", null, "channel", "news"));
        JsonObject answer = client.only();
        assertEquals("pusher_internal:subscription_succeeded", answer.getString("event"));
        assertEquals("news", answer.getString("channel"));
    }

    @Test
    void a_subscribe_without_a_channel_is_answered_with_error_4302() {
        text("{\"event\":\"pusher:subscribe\",\"data\":{}}");
        error(4302);
    }

    @Test
    void an_unsubscribe_is_handed_to_the_unsubscribe_handler() {
        text(frame("pusher:subscribe", null, "channel", "news"));
        text(frame("pusher:unsubscribe", null, "channel", "news"));
        client.clear();
        fixture.state.publish(APP, "news", "update", "x");
        assertEquals(List.of(), client.written());
        assertTrue(client.connection.channels().isEmpty());
    }

    @Test
    void an_unsubscribe_from_an_unknown_channel_is_ignored() {
        text(frame("pusher:unsubscribe", null, "channel", "never-joined"));
        assertEquals(List.of(), client.written());
    }

    @Test
    void a_signin_is_handed_to_the_signin_handler() {
        String userData = "{\"id\":\"42\"}";
        String auth = ChannelSignature.token(APP, ChannelSignature.signinPayload("123.456", userData));
        text(frame("pusher:signin", null, "auth", auth, "user_data", userData));
        assertEquals("pusher:signin_success", client.only().getString("event"));
        assertEquals("42", fixture.state.users.userOf(client.connection).id());
    }

    @Test
    void a_refused_client_event_is_answered_with_error_4301() {
        text("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{}}");
        error(4301);
    }

    @Test
    void a_client_event_is_handed_to_the_client_event_handler() {
        SocketFixture.Client other = SocketFixture.client("9.9", APP);
        fixture.state.subscribe(client.connection, "private-chat");
        fixture.state.subscribe(other.connection, "private-chat");
        other.clear();
        client.clear();
        text("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"a\":1}}");
        assertEquals(List.of(), client.written());
        assertEquals("client-typing", other.only().getString("event"));
    }

    @Test
    void a_handler_failing_unexpectedly_is_answered_with_error_4302_and_the_socket_stays() {
        fixture.protocol.subscribe = new SubscribeHandler() {
            @Override
            public void handle(Connection connection, InboundFrame frame) {
                throw new IllegalStateException("boom");
            }
        };
        text(frame("pusher:subscribe", null, "channel", "news"));
        assertTrue(error(4302).getString("message").contains("Internal error"));
    }
}
