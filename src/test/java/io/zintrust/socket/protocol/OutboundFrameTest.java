package io.zintrust.socket.protocol;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 6455 §5.2 framing of server text messages, read back with an independent decoder. */
class OutboundFrameTest {

    /** Reads one unmasked frame at the buffer's position: returns its text and advances past it. */
    static String readTextFrame(ByteBuffer in) {
        int first = in.get() & 0xFF;
        assertEquals(0x81, first, "FIN + text opcode");
        int second = in.get() & 0xFF;
        assertEquals(0, second & 0x80, "server frames are not masked");
        long length = second & 0x7F;
        if (length == 126) {
            length = in.getShort() & 0xFFFF;
        } else if (length == 127) {
            length = in.getLong();
        }
        byte[] payload = new byte[(int) length];
        in.get(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Test
    void every_payload_length_class_gets_the_header_the_rfc_prescribes() {
        for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 200_000}) {
            String text = "x".repeat(length);
            byte[] wire = OutboundFrame.of(text).wire();
            int header = length <= 125 ? 2 : length <= 65_535 ? 4 : 10;
            assertEquals(header + length, wire.length, "frame size for " + length);
            ByteBuffer in = ByteBuffer.wrap(wire);
            assertEquals(text, readTextFrame(in));
            assertEquals(0, in.remaining());
        }
    }

    @Test
    void the_length_counts_utf8_bytes_not_characters() {
        String text = "caf\u00e9 \u4e2d \ud83d\ude00";
        ByteBuffer in = ByteBuffer.wrap(OutboundFrame.of(text).wire());
        assertEquals(text, readTextFrame(in));
        assertEquals(text, OutboundFrame.of(text).text());
    }

    @Test
    void a_batch_is_its_frames_back_to_back_and_a_single_frame_is_not_copied() {
        OutboundFrame one = OutboundFrame.of("{\"event\":\"a\"}");
        OutboundFrame two = OutboundFrame.of("b".repeat(300));
        ByteBuffer joined = OutboundFrame.join(List.of(one, two, one));
        assertEquals("{\"event\":\"a\"}", readTextFrame(joined));
        assertEquals("b".repeat(300), readTextFrame(joined));
        assertEquals("{\"event\":\"a\"}", readTextFrame(joined));
        assertEquals(0, joined.remaining());
        assertEquals(one.wire(), OutboundFrame.join(List.of(one)).array());
    }
}
