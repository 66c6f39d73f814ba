package io.zintrust.socket.websocket;

import io.zintrust.socket.container.FrameSink;
import io.zintrust.socket.protocol.OutboundFrame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox of one socket, against sinks that complete later, at once, or from other threads. */
class ConnectionTest {

    /** A sink that keeps every batch until the test completes it. */
    static final class HeldSink implements FrameSink {
        final List<List<String>> batches = new ArrayList<>();
        final List<Listener> pending = new ArrayList<>();

        @Override
        public synchronized void write(List<OutboundFrame> batch, Listener listener) {
            batches.add(batch.stream().map(OutboundFrame::text).toList());
            pending.add(listener);
        }

        void completeNext() {
            Listener next;
            synchronized (this) {
                next = pending.remove(0);
            }
            next.written();
        }
    }

    private static Connection connection(FrameSink sink, int limit, List<Runnable> closes) {
        return new Connection("1.1", null, null, sink, limit, closes::add);
    }

    @Test
    void one_batch_is_in_flight_at_a_time_and_what_queued_meanwhile_leaves_as_the_next_batch() {
        HeldSink sink = new HeldSink();
        Connection connection = connection(sink, 100, new ArrayList<>());
        connection.send("a");
        connection.send("b");
        connection.send("c");
        assertEquals(List.of(List.of("a")), sink.batches);
        sink.completeNext();
        assertEquals(List.of(List.of("a"), List.of("b", "c")), sink.batches);
        sink.completeNext();
        connection.send("d");
        assertEquals(List.of("d"), sink.batches.get(2));
    }

    @Test
    void a_sink_that_completes_inside_write_gets_every_frame_in_order_without_recursion() {
        List<String> written = new ArrayList<>();
        FrameSink inline = (batch, listener) -> {
            batch.forEach(frame -> written.add(frame.text()));
            listener.written();
        };
        Connection connection = connection(inline, 10, new ArrayList<>());
        for (int i = 0; i < 100_000; i++) {
            connection.send(Integer.toString(i));
        }
        assertEquals(100_000, written.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(Integer.toString(i), written.get(i));
        }
    }

    @Test
    void a_socket_with_more_unwritten_frames_than_its_limit_is_closed_and_takes_no_more() {
        HeldSink sink = new HeldSink();
        List<Runnable> closes = new ArrayList<>();
        Connection connection = connection(sink, 3, closes);
        for (int i = 0; i < 4; i++) {
            connection.send("f" + i);
        }
        assertTrue(connection.isClosing());
        assertEquals(1, closes.size(), "one close scheduled");
        connection.send("late");
        sink.completeNext();
        assertEquals(1, sink.batches.size(), "nothing is written after the close began");
    }

    @Test
    void a_batch_stops_at_the_batch_limit_so_one_write_stays_bounded() {
        HeldSink sink = new HeldSink();
        Connection connection = connection(sink, 1000, new ArrayList<>());
        String big = "x".repeat(FrameSink.BATCH_LIMIT / 4);
        connection.send("first");
        for (int i = 0; i < 8; i++) {
            connection.send(big);
        }
        sink.completeNext();
        assertEquals(3, sink.batches.get(1).size(), "three quarter-limit frames and their headers exceed the limit");
        sink.completeNext();
        assertEquals(3, sink.batches.get(2).size());
        sink.completeNext();
        assertEquals(2, sink.batches.get(3).size());
    }

    @Test
    void senders_on_many_threads_and_completions_on_others_lose_nothing_and_keep_each_senders_order()
            throws InterruptedException {
        ExecutorService completer = Executors.newFixedThreadPool(2);
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Boolean> overlapping = new ConcurrentLinkedQueue<>();
        FrameSink racy = new FrameSink() {
            private volatile boolean busy;

            @Override
            public void write(List<OutboundFrame> batch, Listener listener) {
                if (busy) {
                    overlapping.add(true);
                }
                busy = true;
                batch.forEach(frame -> written.add(frame.text()));
                Runnable done = () -> {
                    busy = false;
                    listener.written();
                };
                if (ThreadLocalRandom.current().nextBoolean()) {
                    done.run();
                } else {
                    completer.execute(done);
                }
            }
        };
        Connection connection = connection(racy, Integer.MAX_VALUE, new ArrayList<>());
        int threads = 4;
        int each = 20_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int sender = t;
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    connection.send(sender + ":" + i);
                }
                done.countDown();
            }).start();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (written.size() < threads * each && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        completer.shutdown();
        assertEquals(threads * each, written.size());
        assertTrue(overlapping.isEmpty(), "a second batch was written while one was in flight");
        int[] next = new int[threads];
        for (String frame : written) {
            String[] parts = frame.split(":");
            int sender = Integer.parseInt(parts[0]);
            assertEquals(next[sender]++, Integer.parseInt(parts[1]), "order of sender " + sender);
        }
        assertFalse(connection.isClosing());
    }

    @Test
    void a_close_reason_is_cut_to_the_123_bytes_a_close_frame_can_hold_without_splitting_characters() {
        assertEquals("short", CloseReasonText.fit("short"));
        String cjk = "用户".repeat(40); // 3 bytes each in UTF-8
        String reason = CloseReasonText.fit(cjk);
        assertTrue(reason.getBytes(StandardCharsets.UTF_8).length <= 123, reason);
        assertTrue(cjk.startsWith(reason));
        String emoji = "a" + "\uD83D\uDE00".repeat(40); // surrogate pairs, 4 bytes each
        String cut = CloseReasonText.fit(emoji);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 123);
        assertTrue(!Character.isHighSurrogate(cut.charAt(cut.length() - 1)));
    }
}
