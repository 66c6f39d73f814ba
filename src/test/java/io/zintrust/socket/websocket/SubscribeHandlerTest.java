package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.Subscriptions;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.ProtocolException;
import io.zintrust.socket.signature.ChannelSignature;
import io.zintrust.socket.testing.AppBuilder;
import io.zintrust.socket.testing.Json;
import io.zintrust.socket.users.SignedInUser;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.zintrust.socket.websocket.SocketFixture.frame;
import static io.zintrust.socket.websocket.SocketFixture.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pusher:subscribe: names, signatures, presence members and sign-in rules, each refusal channel-scoped. */
class SubscribeHandlerTest {

    static final App APP = new App("app-1", "key-1", "secret-1");
    static final App OTHER = new App("app-2", "key-2", "secret-2");

    final SocketFixture fixture = new SocketFixture();
    final SocketFixture.Client client = SocketFixture.client("123.456", APP);

    void subscribe(String channel, String auth, String channelData) {
        fixture.subscribe.handle(client.connection, parsed(frame("pusher:subscribe", null,
                "channel", channel, "auth", auth, "channel_data", channelData)));
    }

    static String sign(App app, String socketId, String channel, String channelData) {
        return ChannelSignature.token(app, ChannelSignature.subscriptionPayload(socketId, channel, channelData));
    }

    String sign(String channel, String channelData) {
        return sign(APP, client.connection.socketId(), channel, channelData);
    }

    /** The data of the only frame, checked to be a subscription_error of the channel. */
    JsonObject refusal(String channel) {
        JsonObject frame = client.only();
        assertEquals("pusher:subscription_error", frame.getString("event"));
        assertEquals(channel, frame.getString("channel"));
        assertTrue(client.connection.channels().isEmpty(), "a refused socket joins nothing");
        assertEquals(List.of(), client.closeCodes(), "a refused subscription leaves the socket open");
        return Json.data(frame);
    }

    void assertRefused(String channel, String type, int status) {
        JsonObject data = refusal(channel);
        assertEquals(type, data.getString("type"));
        assertEquals(status, data.getInt("status"));
        assertTrue(!data.getString("error").isBlank());
    }

    void assertSubscribed(String channel) {
        JsonObject frame = client.frames("pusher_internal:subscription_succeeded").stream().findFirst()
                .orElseThrow(() -> new AssertionError("not subscribed: " + client.written()));
        assertEquals(channel, frame.getString("channel"));
        assertTrue(client.connection.channels().contains(channel));
    }

    @Test
    void a_public_channel_needs_no_signature() {
        subscribe("news", null, null);
        assertSubscribed("news");
    }

    @Test
    void a_subscribe_without_a_channel_is_a_bad_message() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> fixture.subscribe.handle(client.connection,
                parsed("{\"event\":\"pusher:subscribe\",\"data\":{}}")));
        assertEquals(ErrorCode.BAD_MESSAGE, e.code());
    }

    @Test
    void a_channel_that_is_not_a_string_is_a_bad_message() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> fixture.subscribe.handle(client.connection,
                parsed("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":5}}")));
        assertEquals(ErrorCode.BAD_MESSAGE, e.code());
    }

    @Test
    void data_given_as_a_string_holding_an_object_is_accepted() {
        fixture.subscribe.handle(client.connection,
                parsed("{\"event\":\"pusher:subscribe\",\"data\":\"{\\\"channel\\\":\\\"news\\\"}\"}"));
        assertSubscribed("news");
    }

    @Test
    void names_outside_the_naming_rules_are_refused_as_invalid_channels() {
        for (String bad : List.of("", "has space", "star*", "x".repeat(201), "#server-to-user-")) {
            client.clear();
            subscribe(bad, null, null);
            assertRefused(bad, "InvalidChannel", 400);
        }
    }

    @Test
    void a_private_channel_without_auth_is_refused() {
        subscribe("private-chat", null, null);
        assertRefused("private-chat", "AuthError", 401);
    }

    @Test
    void a_private_channel_with_a_wrong_signature_is_refused() {
        subscribe("private-chat", "key-1:" + "0".repeat(64), null);
        assertRefused("private-chat", "AuthError", 401);
    }

    @Test
    void a_signature_for_another_socket_or_channel_or_app_is_refused() {
        for (String auth : List.of(sign(APP, "999.1", "private-chat", null), sign(APP, "123.456", "private-other", null),
                sign(OTHER, "123.456", "private-chat", null), "no-colon-at-all")) {
            client.clear();
            subscribe("private-chat", auth, null);
            assertRefused("private-chat", "AuthError", 401);
        }
    }

    @Test
    void a_private_channel_with_the_right_signature_is_subscribed() {
        subscribe("private-chat", sign("private-chat", null), null);
        assertSubscribed("private-chat");
    }

    @Test
    void an_encrypted_channel_needs_a_signature_too() {
        subscribe("private-encrypted-vault", null, null);
        assertRefused("private-encrypted-vault", "AuthError", 401);
        client.clear();
        subscribe("private-encrypted-vault", sign("private-encrypted-vault", null), null);
        assertSubscribed("private-encrypted-vault");
    }

    @Test
    void a_presence_channel_joins_the_member_its_signed_channel_data_names() {
        String channelData = "{\"user_id\":\"7\",\"user_info\":{\"name\":\"Ada\"}}";
        subscribe("presence-room", sign("presence-room", channelData), channelData);
        assertSubscribed("presence-room");
        JsonObject presence = Json.data(client.frames("pusher_internal:subscription_succeeded").get(0))
                .getJsonObject("presence");
        assertEquals("7", presence.getJsonArray("ids").getString(0));
        assertEquals("Ada", presence.getJsonObject("hash").getJsonObject("7").getString("name"));
    }

    @Test
    void a_presence_signature_covers_the_channel_data() {
        String signed = "{\"user_id\":\"7\"}";
        subscribe("presence-room", sign("presence-room", signed), "{\"user_id\":\"8\"}");
        assertRefused("presence-room", "AuthError", 401);
        client.clear();
        subscribe("presence-room", sign("presence-room", null), signed);
        assertRefused("presence-room", "AuthError", 401);
    }

    @Test
    void presence_channel_data_without_a_user_id_is_refused_as_invalid_channel_data() {
        for (String channelData : List.of("{\"user_info\":{}}", "[1]", "{\"user_id\":\"\"}", "{\"user_id\":true}")) {
            client.clear();
            subscribe("presence-room", sign("presence-room", channelData), channelData);
            assertRefused("presence-room", "InvalidChannelData", 400);
        }
    }

    @Test
    void a_presence_channel_without_channel_data_or_sign_in_is_refused_as_invalid_channel_data() {
        subscribe("presence-room", sign("presence-room", null), null);
        assertRefused("presence-room", "InvalidChannelData", 400);
    }

    @Test
    void a_signed_in_socket_joins_a_presence_channel_as_its_user_without_channel_data() {
        fixture.state.users.signIn(client.connection,
                SignedInUser.parse("{\"id\":\"42\",\"user_info\":{\"name\":\"Zed\"}}").orElseThrow());
        subscribe("presence-room", sign("presence-room", null), null);
        assertSubscribed("presence-room");
        JsonObject presence = Json.data(client.frames("pusher_internal:subscription_succeeded").get(0))
                .getJsonObject("presence");
        assertEquals("42", presence.getJsonArray("ids").getString(0));
        assertEquals("Zed", presence.getJsonObject("hash").getJsonObject("42").getString("name"));
    }

    @Test
    void user_info_over_the_apps_limit_is_refused_as_limit_reached() {
        App small = AppBuilder.app("small").maxPresenceUserInfoBytes(10).build();
        SocketFixture.Client smallClient = SocketFixture.client("5.5", small);
        String channelData = "{\"user_id\":\"7\",\"user_info\":{\"name\":\"far too long\"}}";
        fixture.subscribe.handle(smallClient.connection, parsed(frame("pusher:subscribe", null, "channel",
                "presence-room", "auth", sign(small, "5.5", "presence-room", channelData),
                "channel_data", channelData)));
        JsonObject data = Json.data(smallClient.only());
        assertEquals("LimitReached", data.getString("type"));
        assertEquals(4100, data.getInt("status"));
        assertTrue(smallClient.connection.channels().isEmpty());
    }

    @Test
    void a_full_presence_channel_is_refused_as_limit_reached() {
        App small = AppBuilder.app("small").maxPresenceMembers(1).build();
        fixture.state.join(SocketFixture.client("1.1", small).connection, "presence-room", new Member("1", "null"));
        SocketFixture.Client late = SocketFixture.client("2.2", small);
        String channelData = "{\"user_id\":\"2\"}";
        fixture.subscribe.handle(late.connection, parsed(frame("pusher:subscribe", null, "channel", "presence-room",
                "auth", sign(small, "2.2", "presence-room", channelData), "channel_data", channelData)));
        JsonObject frame = late.only();
        assertEquals("pusher:subscription_error", frame.getString("event"));
        assertEquals("presence-room", frame.getString("channel"));
        assertEquals("LimitReached", Json.data(frame).getString("type"));
        assertEquals(4100, Json.data(frame).getInt("status"));
    }

    @Test
    void a_socket_in_too_many_channels_is_refused_as_limit_reached() {
        for (int i = 0; i < Subscriptions.MAX_CHANNELS_PER_SOCKET; i++) {
            subscribe("c" + i, null, null);
        }
        client.clear();
        subscribe("one-more", null, null);
        JsonObject frame = client.only();
        assertEquals("pusher:subscription_error", frame.getString("event"));
        assertEquals("LimitReached", Json.data(frame).getString("type"));
        assertEquals(4100, Json.data(frame).getInt("status"));
        assertEquals(Subscriptions.MAX_CHANNELS_PER_SOCKET, client.connection.channels().size());
    }

    @Test
    void a_server_to_user_channel_is_refused_to_a_socket_not_signed_in() {
        subscribe("#server-to-user-42", null, null);
        assertRefused("#server-to-user-42", "AuthError", 403);
    }

    @Test
    void a_server_to_user_channel_is_refused_to_a_socket_signed_in_as_someone_else() {
        fixture.state.users.signIn(client.connection, SignedInUser.parse("{\"id\":\"7\"}").orElseThrow());
        subscribe("#server-to-user-42", null, null);
        assertRefused("#server-to-user-42", "AuthError", 403);
    }

    @Test
    void a_server_to_user_channel_is_open_to_a_socket_signed_in_as_that_user() {
        fixture.state.users.signIn(client.connection, SignedInUser.parse("{\"id\":\"42\"}").orElseThrow());
        subscribe("#server-to-user-42", null, null);
        assertSubscribed("#server-to-user-42");
        assertEquals(Set.of("#server-to-user-42"), client.connection.channels());
    }
}
