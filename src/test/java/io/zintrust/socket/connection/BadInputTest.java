package io.zintrust.socket.connection;

import org.glassfish.tyrus.core.ProtocolException;
import org.glassfish.tyrus.core.Utils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What counts as the client's bad input, and Tyrus's oversized-frame WARNING taken out of the log. */
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

    @Test
    void tyrus_buffer_overflow_warning_is_counted_and_dropped_and_its_other_warnings_pass() {
        Logger tyrus = Logger.getLogger(TyrusOverflowLog.LOGGER);
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        tyrus.addHandler(handler);
        BadInput badInput = new BadInput();
        TyrusOverflowLog filter = TyrusOverflowLog.install(badInput);
        try {
            IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
                    () -> Utils.appendBuffers(ByteBuffer.allocate(8), ByteBuffer.allocate(64), 16, 8));
            tyrus.log(Level.WARNING, "Unexpected error, closing connection.", overflow);
            assertEquals(List.of(), logged);
            assertEquals(1, badInput.count(BadInput.Kind.FRAME_TOO_BIG));

            IllegalArgumentException ours = new IllegalArgumentException("a bug of ours");
            tyrus.log(Level.WARNING, "Unexpected error, closing connection.", ours);
            assertEquals(1, logged.size());
            assertSame(ours, logged.get(0).getThrown());
        } finally {
            filter.uninstall();
            tyrus.removeHandler(handler);
        }
        assertNull(tyrus.getFilter());
    }
}
