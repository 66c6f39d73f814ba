package io.zintrust.socket.health;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probes of a serving single instance, and what a single instance listens on. */
class HealthIT {

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of("PUSHER_APP_ID", "health-app",
            "PUSHER_APP_KEY", "health-key", "PUSHER_APP_SECRET", "health-secret")).readyAt("/app/health-key");

    static JsonObject check(Http.Answer answer, String name) {
        return answer.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + answer.body()));
    }

    @Test
    void readiness_is_up_and_names_the_transport_instances_connections_and_apps() {
        PusherSocket one = payara.connect("/app/health-key?protocol=7");
        PusherSocket two = payara.connect("/app/health-key?protocol=7");
        Http.Answer ready = Http.get(payara.server().http("/health/ready"));
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        JsonObject data = check(ready, "zintrust-socket").getJsonObject("data");
        assertEquals("serving", data.getString("phase"));
        assertEquals("node", data.getString("transport"));
        assertEquals("1", data.getString("instances"));
        assertEquals("2", data.getString("connections"));
        assertEquals("1", data.getString("apps"));
        one.close();
        two.close();
    }

    @Test
    void liveness_is_up_while_the_heartbeat_sweeps_every_second() {
        Http.Answer live = Http.get(payara.server().http("/health/live"));
        assertEquals(200, live.status(), live.body());
        JsonObject data = check(live, "zintrust-socket-progress").getJsonObject("data");
        long ago = Long.parseLong(data.getString("heartbeat_ms_ago"));
        assertTrue(ago >= 0 && ago < 3000, "last sweep " + ago + " ms ago");
        assertEquals("0", data.getString("applier_lag_ms"));
    }

    @Test
    void a_single_instance_runs_no_data_grid_and_listens_on_its_http_port_only() {
        Set<Integer> ports = payara.listeningPorts();
        assertEquals(Set.of(payara.server().port()), ports, "listening ports");
        assertTrue(payara.log().contains("ZinTrust Socket transport: this instance only"), "transport line");
        assertTrue(!payara.log().contains("Unable to inject HazelcastInstance"), "no grid lookup warning");
    }

    @Test
    void the_debug_console_is_not_served_unless_it_is_turned_on() {
        for (String path : List.of("/console", "/console/", "/console/index.html", "/console/api/apps/health-app/state")) {
            Http.Answer answer = Http.get(payara.server().http(path));
            assertEquals(404, answer.status(), path + ": " + answer.body());
            assertTrue(answer.error().contains("SOCKET_CONSOLE=true"), answer.body());
        }
    }
}
