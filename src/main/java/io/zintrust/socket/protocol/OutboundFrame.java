package io.zintrust.socket.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One server-to-client text message, encoded once: its JSON text and the complete websocket frame
 * (RFC 6455, unmasked, no extensions) that carries it. A publish builds one and every recipient shares it.
 */
public final class OutboundFrame {

    private static final int FIN_TEXT = 0x81;

    private final String text;
    private final byte[] wire;

    private OutboundFrame(String text) {
        this.text = text;
        this.wire = encode(text.getBytes(StandardCharsets.UTF_8));
    }

    public static OutboundFrame of(String text) {
        return new OutboundFrame(text);
    }

    public String text() {
        return text;
    }

    /** The frame's bytes as they go on the wire; shared, never to be modified. */
    public byte[] wire() {
        return wire;
    }

    static byte[] encode(byte[] payload) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) FIN_TEXT;
        if (header == 2) {
            frame[1] = (byte) length;
        } else if (header == 4) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            long big = length;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (big >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }

    /** A batch's frames back to back, as one buffer for one write; a single frame is not copied. */
    public static ByteBuffer join(List<OutboundFrame> batch) {
        if (batch.size() == 1) {
            return ByteBuffer.wrap(batch.get(0).wire());
        }
        int size = 0;
        for (OutboundFrame frame : batch) {
            size += frame.wire.length;
        }
        byte[] joined = new byte[size];
        int at = 0;
        for (OutboundFrame frame : batch) {
            System.arraycopy(frame.wire, 0, joined, at, frame.wire.length);
            at += frame.wire.length;
        }
        return ByteBuffer.wrap(joined);
    }
}
