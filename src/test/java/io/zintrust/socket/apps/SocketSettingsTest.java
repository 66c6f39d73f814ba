package io.zintrust.socket.apps;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketSettingsTest {

    private static SocketSettings read(Map<String, String> environment) {
        return new SettingsReader(name -> Optional.ofNullable(environment.get(name))).read();
    }

    private static final Map<String, String> APP = Map.of(
            "PUSHER_APP_ID", "a", "PUSHER_APP_KEY", "k", "PUSHER_APP_SECRET", "s");

    @Test
    void an_enabled_node_server_is_available() {
        assertEquals(Optional.empty(), read(APP).unavailable());
    }

    @Test
    void a_disabled_server_says_so_naming_socket_enabled() {
        assertTrue(read(Map.of("SOCKET_ENABLED", "false")).unavailable().orElseThrow().contains("SOCKET_ENABLED=false"));
    }
}
