package io.zintrust.socket.features;

import io.zintrust.socket.support.AppsFileServer;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several apps from SOCKET_APPS_FILE: isolation, disabled apps, connection quotas, required sign-in. */
class MultipleAppsIT {

    @RegisterExtension
    static final PayaraServer payara = AppsFileServer.shared();

    private PusherSocket connect(String app) {
        return payara.connect("/app/" + app + "-key?protocol=7");
    }

    @Test
    void the_same_channel_name_in_two_apps_never_crosses() {
        PusherSocket main = connect("main");
        PusherSocket other = connect("other");
        main.subscribe("shared-news");
        main.subscribed("shared-news");
        other.subscribe("shared-news");
        other.subscribed("shared-news");
        assertEquals(200, AppsFileServer.sdk(payara.server(), "main").trigger("shared-news", "only-main", "1").getHttpStatus());
        main.await("only-main", "shared-news");
        other.assertNo("only-main", "shared-news", Duration.ofMillis(500));
    }

    @Test
    void one_apps_key_and_secret_never_work_for_another() {
        PusherSocket other = connect("other");
        other.subscribeWith("private-x", AppsFileServer.sdk(payara.server(), "main").authenticate(other.socketId(), "private-x"));
        assertEquals(401, other.await("pusher:subscription_error", "private-x").getJsonObject("data").getInt("status"));
        Http.Answer bearer = Http.postJson(payara.server().http("/apps/other/events"), "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}",
                "Authorization", "Bearer main-secret");
        assertEquals(403, bearer.status());
        var signedWithMain = io.zintrust.socket.support.TestApp.pusher(payara.server(), "other", "main-key", "main-secret");
        assertEquals(401, signedWithMain.trigger("c", "n", "x").getHttpStatus());
    }

    @Test
    void a_disabled_app_refuses_sockets_with_4003_and_its_http_api_with_403() {
        PusherSocket socket = payara.open("/app/off-key?protocol=7");
        assertEquals(4003, socket.await("pusher:error").getJsonObject("data").getInt("code"));
        assertEquals(4003, socket.awaitClose().getCloseCode().getCode());
        Http.Answer answer = Http.postJson(payara.server().http("/apps/off/events"), "{\"name\":\"n\",\"channel\":\"c\",\"data\":\"x\"}",
                "Authorization", "Bearer off-secret");
        assertEquals(403, answer.status());
        assertTrue(answer.error().contains("disabled"), answer.body());
    }

    @Test
    void an_app_over_its_connection_quota_refuses_the_next_socket_with_4004() {
        connect("quota");
        connect("quota");
        PusherSocket third = payara.open("/app/quota-key?protocol=7");
        assertEquals(4004, third.await("pusher:error").getJsonObject("data").getInt("code"));
        assertEquals(4004, third.awaitClose().getCloseCode().getCode());
        // other apps are not affected by this app's quota
        connect("other").assertAlive();
    }

    @Test
    void with_user_authentication_a_socket_that_does_not_sign_in_in_time_is_closed_with_4009() {
        PusherSocket lazy = connect("strict");
        PusherSocket prompt = connect("strict");
        prompt.signin("strict-key", "strict-secret", "{\"id\":\"7\"}");
        prompt.await("pusher:signin_success");
        assertEquals(4009, lazy.awaitClose().getCloseCode().getCode());
        prompt.assertAlive();
    }

    @Test
    void client_events_can_be_switched_off_per_app() {
        PusherSocket socket = connect("strict");
        socket.signin("strict-key", "strict-secret", "{\"id\":\"8\"}");
        socket.await("pusher:signin_success");
        socket.subscribeWith("private-chat", AppsFileServer.sdk(payara.server(), "strict").authenticate(socket.socketId(), "private-chat"));
        socket.subscribed("private-chat");
        socket.send("{\"event\":\"client-x\",\"channel\":\"private-chat\",\"data\":{}}");
        assertEquals(4301, socket.await("pusher:error").getJsonObject("data").getInt("code"));
        PusherSocket other = connect("other");
        other.subscribeWith("private-chat", AppsFileServer.sdk(payara.server(), "other").authenticate(other.socketId(), "private-chat"));
        other.subscribed("private-chat");
        other.send("{\"event\":\"client-x\",\"channel\":\"private-chat\",\"data\":{}}");
        other.assertNo("pusher:error", null, Duration.ofMillis(500));
    }
}
