package io.zintrust.socket.connection;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionTest {

    @Test
    void a_close_reason_is_cut_to_the_123_bytes_a_close_frame_can_hold_without_splitting_characters() {
        assertEquals("short", Connection.reasonPhrase("short"));
        String cjk = "用户".repeat(40); // 3 bytes each in UTF-8
        String reason = Connection.reasonPhrase(cjk);
        assertTrue(reason.getBytes(StandardCharsets.UTF_8).length <= 123, reason);
        assertTrue(cjk.startsWith(reason));
        String emoji = "a" + "\uD83D\uDE00".repeat(40); // surrogate pairs, 4 bytes each
        String cut = Connection.reasonPhrase(emoji);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 123);
        assertTrue(!Character.isHighSurrogate(cut.charAt(cut.length() - 1)));
    }
}
