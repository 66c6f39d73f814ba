package io.zintrust.socket.connection;

import io.zintrust.socket.support.Loopback;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.RawWebSocket;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a client sends, the server log gets no WARNING and no stack trace for it: bad input is
 * answered (pusher:error 4302, or the container's close code) and counted, not logged as a fault.
 */
class BadClientInputIT {

    private static final String KEY = "bad-input-key";
    private static final String PATH = "/app/" + KEY + "?protocol=7";

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "PUSHER_APP_ID", "bad-input-app", "PUSHER_APP_KEY", KEY, "PUSHER_APP_SECRET", "bad-input-secret"))
            .readyAt("/app/" + KEY);

    @Test
    void bursts_of_malformed_frames_of_every_kind_leave_no_warning_or_stack_trace_in_the_server_log() throws Exception {
        Loopback server = payara.server();
        int logged = payara.log().length();

        try (RawWebSocket socket = established(server)) {
            for (int i = 0; i < 20; i++) {
                socket.writeText("{not json");
                assertEquals(4302, errorCode(socket.read()));
                socket.writeFrame(0x2, true, new byte[]{1, 2, 3});
                assertEquals(4302, errorCode(socket.read()));
            }
            socket.writeText("{\"event\":\"pusher:ping\",\"data\":{}}");
            assertEquals("pusher:pong", PusherSocket.parse(socket.read().text()).getString("event"));
        }
        for (int i = 0; i < 5; i++) {
            try (RawWebSocket socket = established(server)) {
                socket.writeFrame(0x1, true, new byte[]{'{', (byte) 0xC3, 0x28, (byte) 0xFF, '}'});
                assertEquals(1007, closeCode(socket), "invalid UTF-8 in a text frame");
            }
        }
        for (int i = 0; i < 5; i++) {
            try (RawWebSocket socket = established(server)) {
                // 75 KB in fragments, over the socket's 64 KB text buffer. The server closes as soon as
                // the buffer overflows, so nothing more is written: a write after its close would race
                // its reset (broken pipe) instead of testing the close code.
                byte[] part = new byte[25_000];
                Arrays.fill(part, (byte) 'a');
                socket.writeFrame(0x1, false, "{\"event\":\"x\",\"data\":\"".getBytes(StandardCharsets.UTF_8));
                for (int fragment = 0; fragment < 3; fragment++) {
                    socket.writeFrame(0x0, false, part);
                }
                assertEquals(1009, closeCode(socket), "a message over the text buffer");
            }
        }
        for (int i = 0; i < 2; i++) {
            try (RawWebSocket socket = established(server)) {
                // one frame of 5 MB: over Tyrus's 4 MB incoming buffer; the server closes mid-frame
                try {
                    socket.writeFrame(0x1, true, new byte[5 * 1024 * 1024]);
                } catch (IOException closedWhileWriting) {
                    // the server has already closed
                }
                int code = closeCode(socket);
                assertTrue(code == 1011 || code == -1, "closed with " + code);
            }
        }

        // the server is still fine, and nothing above was logged as a fault
        try (RawWebSocket socket = established(server)) {
            socket.writeText("{\"event\":\"pusher:ping\",\"data\":{}}");
            assertEquals("pusher:pong", PusherSocket.parse(socket.read().text()).getString("event"));
        }
        Thread.sleep(1000);
        List<String> faults = payara.log().substring(logged).lines()
                .filter(line -> line.contains("WARNING") || line.contains("SEVERE") || line.startsWith("\tat ")
                        || line.contains("Exception"))
                .toList();
        assertEquals(List.of(), faults, payara.log().substring(logged));
    }

    private static RawWebSocket established(Loopback server) throws IOException {
        RawWebSocket socket = new RawWebSocket(server, PATH, 64 * 1024);
        JsonObject established = PusherSocket.parse(socket.read().text());
        assertEquals("pusher:connection_established", established.getString("event"));
        return socket;
    }

    private static int errorCode(RawWebSocket.Frame frame) {
        JsonObject error = PusherSocket.parse(frame.text());
        assertEquals("pusher:error", error.getString("event"), frame.text());
        return error.getJsonObject("data").getInt("code");
    }

    /** The code of the server's close frame, or -1 if the connection ended without one. */
    private static int closeCode(RawWebSocket socket) {
        try {
            while (true) {
                RawWebSocket.Frame frame = socket.read();
                if (frame.opcode() == 0x8) {
                    return frame.closeCode();
                }
            }
        } catch (IOException ended) {
            return -1;
        }
    }
}
