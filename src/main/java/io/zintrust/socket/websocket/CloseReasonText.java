package io.zintrust.socket.websocket;

import java.nio.charset.StandardCharsets;

/** A close frame's reason may hold 123 bytes of UTF-8 (RFC 6455 §5.5): longer messages are cut, never split mid-character. */
final class CloseReasonText {

    static final int MAX_BYTES = 123;

    private CloseReasonText() {
    }

    static String fit(String message) {
        if (message.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return message;
        }
        int end = Math.min(message.length(), MAX_BYTES);
        while (end > 0 && message.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end);
    }
}
