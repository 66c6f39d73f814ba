package io.zintrust.socket.websocket;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.ProtocolException;
import io.zintrust.socket.signature.ChannelSignature;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zintrust.socket.websocket.SocketFixture.frame;
import static io.zintrust.socket.websocket.SocketFixture.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pusher:signin: a signed user_data signs the socket in; anything else closes it with 4009. */
class SigninHandlerTest {

    static final App APP = new App("app-1", "key-1", "secret-1");
    static final String USER_DATA = "{\"id\":\"42\",\"user_info\":{\"name\":\"Zed\"}}";

    final SocketFixture fixture = new SocketFixture();
    final SocketFixture.Client client = SocketFixture.client("123.456", APP);

    String sign(String socketId, String userData) {
        return ChannelSignature.token(APP, ChannelSignature.signinPayload(socketId, userData));
    }

    void signin(String auth, String userData) {
        fixture.signin.handle(client.connection, parsed(frame("pusher:signin", null, "auth", auth,
                "user_data", userData)));
    }

    void assertClosedWith4009() {
        JsonObject error = client.only();
        assertEquals("pusher:error", error.getString("event"));
        assertEquals(4009, Json.data(error).getInt("code"));
        assertEquals(List.of(4009), client.closeCodes());
        assertNull(fixture.state.users.userOf(client.connection));
        assertTrue(fixture.state.heard.of(Activity.UserSignedIn.class).isEmpty());
    }

    @Test
    void a_signed_user_data_signs_the_socket_in_and_is_echoed_verbatim() {
        signin(sign("123.456", USER_DATA), USER_DATA);
        JsonObject success = client.only();
        assertEquals("pusher:signin_success", success.getString("event"));
        assertEquals(USER_DATA, Json.data(success).getString("user_data"));
        assertEquals("42", fixture.state.users.userOf(client.connection).id());
        assertEquals(List.of(client.connection), fixture.state.users.socketsOf(APP, "42"));
        assertEquals(List.of(new Activity.UserSignedIn(APP, "123.456", "42")),
                fixture.state.heard.of(Activity.UserSignedIn.class));
        assertEquals(List.of(), client.closeCodes());
    }

    @Test
    void a_wrong_signature_closes_the_socket_with_4009() {
        signin("key-1:" + "0".repeat(64), USER_DATA);
        assertClosedWith4009();
    }

    @Test
    void a_signature_for_another_socket_closes_the_socket_with_4009() {
        signin(sign("999.1", USER_DATA), USER_DATA);
        assertClosedWith4009();
    }

    @Test
    void a_signin_without_auth_closes_the_socket_with_4009() {
        signin(null, USER_DATA);
        assertClosedWith4009();
    }

    @Test
    void a_signin_without_user_data_closes_the_socket_with_4009() {
        signin(sign("123.456", ""), null);
        assertClosedWith4009();
    }

    @Test
    void signed_user_data_without_an_id_closes_the_socket_with_4009() {
        String noId = "{\"user_info\":{}}";
        signin(sign("123.456", noId), noId);
        assertClosedWith4009();
        assertTrue(Json.data(client.frames().get(0)).getString("message").contains("id"));
    }

    @Test
    void a_signin_whose_data_is_not_an_object_is_a_bad_message() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> fixture.signin.handle(client.connection,
                parsed("{\"event\":\"pusher:signin\",\"data\":42}")));
        assertEquals(ErrorCode.BAD_MESSAGE, e.code());
    }
}
