package io.zintrust.socket.apps;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SOCKET_ENABLED=false: every socket and publish route answers 503 with a JSON error saying so. */
class DisabledServerIT {

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of("SOCKET_ENABLED", "false"))
            .readyAt("/app/any-key");

    private static void assertDisabled(Http.Answer answer) {
        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.error().contains("SOCKET_ENABLED=false"), answer.body());
    }

    @Test
    void the_socket_route_answers_503_over_http() {
        assertDisabled(Http.get(payara.server().http("/app/any-key")));
    }

    @Test
    void a_websocket_upgrade_is_refused() {
        assertThrows(IllegalStateException.class,
                () -> PusherSocket.open(payara.server().ws("/app/any-key?protocol=7")));
    }

    @Test
    void publishing_answers_503() {
        assertDisabled(Http.postJson(payara.server().http("/apps/any/events"),
                "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}", "Authorization", "Bearer x"));
    }

    @Test
    void broadcasting_auth_answers_503() {
        assertDisabled(Http.postJson(payara.server().http("/broadcasting/auth"),
                "{\"socket_id\":\"1.2\",\"channel_name\":\"private-x\"}"));
    }
}
