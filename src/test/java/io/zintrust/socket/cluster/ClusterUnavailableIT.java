package io.zintrust.socket.cluster;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SOCKET_TRANSPORT=cluster on an instance started without clustering: it refuses to serve half a cluster. */
class ClusterUnavailableIT {

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of("PUSHER_APP_ID", "lonely-app",
            "PUSHER_APP_KEY", "lonely-key", "PUSHER_APP_SECRET", "lonely-secret",
            "SOCKET_TRANSPORT", "cluster")).readyAt("/app/lonely-key");

    @Test
    void a_websocket_upgrade_answers_503_socket_cluster_unavailable_saying_what_to_configure() {
        Http.Answer answer = Http.send(HttpRequest.newBuilder(payara.server().http("/app/lonely-key"))
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13"));
        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.body().contains("socket_cluster_unavailable"), answer.body());
        assertTrue(answer.body().contains("--clustermode"), answer.body());
    }

    @Test
    void a_publish_answers_503_socket_cluster_unavailable() {
        Http.Answer answer = Http.postJson(payara.server().http("/apps/lonely-app/events"),
                "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\"}", "Authorization", "Bearer lonely-secret");
        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.body().contains("socket_cluster_unavailable"), answer.body());
    }
}
