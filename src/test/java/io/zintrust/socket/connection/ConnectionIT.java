package io.zintrust.socket.connection;

import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connecting, the handshake frame, heartbeats and bad frames, as a raw Tyrus client sees them. */
class ConnectionIT extends ArquillianIT {

    @Test
    void a_plain_http_get_on_the_socket_path_answers_426_with_a_json_error() {
        Http.Answer answer = Http.get(server.http("/app/" + TestApp.KEY));
        assertEquals(426, answer.status());
        assertTrue(answer.error().startsWith("Upgrade Required"), answer.body());
    }

    @Test
    void the_426_answer_ends_so_curl_and_browsers_do_not_wait_for_more() throws Exception {
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.setSoTimeout(5000);
            raw.getOutputStream().write(("GET /app/" + TestApp.KEY + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // readAllBytes returns only at end of stream: it throws SocketTimeoutException if the
            // server leaves the connection open with no length to tell the client the body is complete
            String answer = new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 426"), answer);
            assertTrue(answer.endsWith("{\"error\":\"Upgrade Required: open a websocket connection on this URL\"}"), answer);
        }
    }

    @Test
    void the_426_answer_has_the_status_line_upgrade_required_then_its_json_body_and_closes() throws Exception {
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.setSoTimeout(5000);
            raw.getOutputStream().write(("GET /app/" + TestApp.KEY + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("HTTP/1.1 426 Upgrade Required", answer.lines().findFirst().orElse(""), answer);
            assertTrue(answer.endsWith("\r\n\r\n{\"error\":\"Upgrade Required: open a websocket connection on this URL\"}"),
                    answer);
        }
    }

    @Test
    void a_plain_http_get_with_an_unknown_key_answers_404_socket_app_key_not_found() {
        Http.Answer answer = Http.get(server.http("/app/nobody"));
        assertEquals(404, answer.status());
        assertEquals("Socket app key not found", answer.error());
    }

    @Test
    void a_websocket_with_an_unknown_key_gets_error_4001_and_is_closed_with_4001() {
        try (PusherSocket socket = PusherSocket.open(server.ws("/app/nobody?protocol=7"))) {
            JsonObject error = socket.await("pusher:error");
            assertEquals(4001, error.getJsonObject("data").getInt("code"));
            assertEquals(4001, socket.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void connection_established_carries_its_data_as_a_json_string_with_socket_id_and_activity_timeout() {
        try (PusherSocket socket = PusherSocket.open(server.ws("/app/" + TestApp.KEY + "?protocol=7"))) {
            JsonObject established = socket.await("pusher:connection_established");
            assertEquals(JsonValue.ValueType.STRING, established.get("data").getValueType());
            JsonObject data = PusherSocket.data(established);
            assertTrue(data.getString("socket_id").matches("\\d+\\.\\d+"), data.toString());
            assertEquals(120, data.getInt("activity_timeout"));
        }
    }

    @Test
    void every_connection_gets_a_different_socket_id() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            try (PusherSocket socket = connect()) {
                assertTrue(ids.add(socket.socketId()), "duplicate socket id " + socket.socketId());
            }
        }
    }

    @Test
    void a_connection_without_a_protocol_parameter_is_accepted() {
        try (PusherSocket socket = PusherSocket.connect(server.ws("/app/" + TestApp.KEY))) {
            socket.assertAlive();
        }
    }

    @Test
    void a_non_numeric_protocol_is_refused_with_4006() {
        try (PusherSocket socket = PusherSocket.open(server.ws("/app/" + TestApp.KEY + "?protocol=seven"))) {
            assertEquals(4006, socket.await("pusher:error").getJsonObject("data").getInt("code"));
            assertEquals(4006, socket.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void an_unsupported_protocol_version_is_refused_with_4007() {
        try (PusherSocket socket = PusherSocket.open(server.ws("/app/" + TestApp.KEY + "?protocol=3"))) {
            assertEquals(4007, socket.await("pusher:error").getJsonObject("data").getInt("code"));
            assertEquals(4007, socket.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void ping_with_object_data_string_data_or_no_data_is_answered_with_pong() {
        try (PusherSocket socket = connect()) {
            for (String ping : new String[]{
                    "{\"event\":\"pusher:ping\",\"data\":{}}",
                    "{\"event\":\"pusher:ping\",\"data\":\"{}\"}",
                    "{\"event\":\"pusher:ping\"}"}) {
                socket.send(ping);
                socket.await("pusher:pong");
            }
        }
    }

    @Test
    void malformed_json_gets_an_error_with_a_code_and_the_socket_stays_usable() {
        try (PusherSocket socket = connect()) {
            socket.send("{not json");
            JsonObject error = socket.await("pusher:error");
            assertEquals(4302, error.getJsonObject("data").getInt("code"));
            socket.assertAlive();
        }
    }

    @Test
    void a_frame_that_is_not_an_object_or_lacks_an_event_gets_an_error_and_the_socket_stays_usable() {
        try (PusherSocket socket = connect()) {
            for (String bad : new String[]{"[1,2]", "\"text\"", "{\"data\":{}}", "{\"event\":42}"}) {
                socket.send(bad);
                assertEquals(4302, socket.await("pusher:error").getJsonObject("data").getInt("code"), bad);
            }
            socket.assertAlive();
        }
    }

    @Test
    void an_unknown_event_gets_an_error_naming_it_and_the_socket_stays_usable() {
        try (PusherSocket socket = connect()) {
            socket.send("{\"event\":\"pusher:teleport\",\"data\":{}}");
            JsonObject error = socket.await("pusher:error").getJsonObject("data");
            assertEquals(4302, error.getInt("code"));
            assertTrue(error.getString("message").contains("pusher:teleport"), error.toString());
            socket.assertAlive();
        }
    }

    @Test
    void a_binary_frame_gets_an_error_and_the_socket_stays_usable() {
        try (PusherSocket socket = connect()) {
            socket.sendBinary(new byte[]{1, 2, 3});
            assertEquals(4302, socket.await("pusher:error").getJsonObject("data").getInt("code"));
            socket.assertAlive();
        }
    }

    @Test
    void a_subscribe_without_a_channel_gets_an_error_and_the_socket_stays_usable() {
        try (PusherSocket socket = connect()) {
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{}}");
            assertEquals(4302, socket.await("pusher:error").getJsonObject("data").getInt("code"));
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":\"not an object\"}");
            assertEquals(4302, socket.await("pusher:error").getJsonObject("data").getInt("code"));
            socket.assertAlive();
        }
    }

    @Test
    void a_client_closing_normally_is_not_answered_with_an_error_code() {
        PusherSocket socket = connect();
        socket.close();
        CloseReason reason = socket.awaitClose();
        assertNotEquals(4201, reason.getCloseCode().getCode());
    }
}
