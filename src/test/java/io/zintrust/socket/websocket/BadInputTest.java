package io.zintrust.socket.websocket;

import org.glassfish.tyrus.core.ProtocolException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What counts as the client's bad input, and how it is counted. */
class BadInputTest {

    @Test
    void tyrus_message_too_big_and_protocol_errors_are_bad_input_and_other_errors_are_not() throws Exception {
        Constructor<?> tooBig = Class.forName("org.glassfish.tyrus.core.MessageTooBigException")
                .getDeclaredConstructor(String.class);
        tooBig.setAccessible(true);
        assertEquals(BadInput.Kind.MESSAGE_TOO_BIG, BadInput.kindOf((Throwable) tooBig.newInstance("too big")));
        assertEquals(BadInput.Kind.UNDECODABLE_MESSAGE, BadInput.kindOf(new ProtocolException("RSV bit(s) set")));
        assertEquals(BadInput.Kind.UNDECODABLE_MESSAGE,
                BadInput.kindOf(new jakarta.websocket.DecodeException("x", "not decodable")));
        assertNull(BadInput.kindOf(new IllegalStateException("a bug of ours")));
        assertNull(BadInput.kindOf(new IOException("broken pipe")));
    }

    @Test
    void records_count_per_kind() {
        BadInput badInput = new BadInput();
        badInput.record(BadInput.Kind.MALFORMED_FRAME, "1.2", "not JSON");
        badInput.record(BadInput.Kind.MALFORMED_FRAME, "1.2", "not JSON");
        badInput.record(BadInput.Kind.MESSAGE_TOO_BIG, "1.2", "too big");
        assertEquals(2, badInput.count(BadInput.Kind.MALFORMED_FRAME));
        assertEquals(1, badInput.count(BadInput.Kind.MESSAGE_TOO_BIG));
        assertEquals(0, badInput.count(BadInput.Kind.FRAME_TOO_BIG));
    }
}
