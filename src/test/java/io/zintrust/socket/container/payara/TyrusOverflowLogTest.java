package io.zintrust.socket.container.payara;

import org.glassfish.tyrus.core.Utils;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tyrus's oversized-frame WARNING is reported and dropped; its other records pass untouched. */
class TyrusOverflowLogTest {

    @Test
    void tyrus_buffer_overflow_warning_is_reported_and_dropped_and_its_other_warnings_pass() {
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
        AtomicInteger reported = new AtomicInteger();
        TyrusOverflowLog filter = TyrusOverflowLog.install(reported::incrementAndGet);
        try {
            IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
                    () -> Utils.appendBuffers(ByteBuffer.allocate(8), ByteBuffer.allocate(64), 16, 8));
            tyrus.log(Level.WARNING, "Unexpected error, closing connection.", overflow);
            assertEquals(List.of(), logged);
            assertEquals(1, reported.get());

            IllegalArgumentException ours = new IllegalArgumentException("a bug of ours");
            tyrus.log(Level.WARNING, "Unexpected error, closing connection.", ours);
            assertEquals(1, logged.size());
            assertSame(ours, logged.get(0).getThrown());
        } finally {
            filter.close();
            tyrus.removeHandler(handler);
        }
        assertNull(tyrus.getFilter());
    }
}
