package io.zintrust.socket.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many websocket subscribers on the JDK's non-blocking client: each connects, subscribes to a channel
 * once {@code connection_established} arrives, and timestamps every benchmark event it receives.
 */
final class Subscribers implements AutoCloseable {

    static final String MARK = "\"data\":\"T";

    final Histogram latency;
    final AtomicLong delivered = new AtomicLong();
    /** Sockets that never got subscription_succeeded (reported, and left out of the expected counts). */
    long missing;
    int expected;
    private final List<WebSocket> sockets = new ArrayList<>();
    private final HttpClient client;

    Subscribers(HttpClient client) {
        this(client, new Histogram());
    }

    /** Subscribers recording into a histogram shared with others (several instances' sockets at once). */
    Subscribers(HttpClient client, Histogram latency) {
        this.client = client;
        this.latency = latency;
    }

    /** Opens {@code count} sockets, {@code inFlight} handshakes at a time, subscribed to {@code channelOf(i)}. */
    void open(int port, int count, int inFlight, java.util.function.IntFunction<String> channelOf)
            throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(count);
        java.util.concurrent.Semaphore handshakes = new java.util.concurrent.Semaphore(inFlight);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/app/" + BenchServer.KEY + "?protocol=7&client=bench");
        for (int i = 0; i < count; i++) {
            handshakes.acquire();
            String channel = channelOf.apply(i);
            client.newWebSocketBuilder().buildAsync(uri, new Listener(channel, subscribed, handshakes))
                    .whenComplete((socket, failure) -> {
                        if (failure != null) {
                            handshakes.release();
                            System.err.println("connect failed: " + failure);
                        } else {
                            synchronized (sockets) {
                                sockets.add(socket);
                            }
                        }
                    });
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            missing = subscribed.getCount();
            System.err.println("only " + (count - missing) + " of " + count + " subscribed within 60 s");
        }
        expected = count - (int) missing;
    }

    int size() {
        synchronized (sockets) {
            return sockets.size();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final String channel;
        private final CountDownLatch subscribed;
        private final java.util.concurrent.Semaphore handshakes;
        private StringBuilder partial;

        Listener(String channel, CountDownLatch subscribed, java.util.concurrent.Semaphore handshakes) {
            this.channel = channel;
            this.subscribed = subscribed;
            this.handshakes = handshakes;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (!last || partial != null) {
                if (partial == null) {
                    partial = new StringBuilder();
                }
                partial.append(data);
                if (!last) {
                    return null;
                }
                data = partial;
                partial = null;
            }
            long now = System.nanoTime();
            String text = data.toString();
            int mark = text.indexOf(MARK);
            if (mark >= 0) {
                int start = mark + MARK.length();
                int end = text.indexOf('|', start);
                latency.record(now - Long.parseLong(text, start, end, 10));
                delivered.incrementAndGet();
            } else if (text.contains("pusher:connection_established")) {
                socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}", true);
            } else if (text.contains("subscription_succeeded")) {
                subscribed.countDown();
                handshakes.release();
            } else if (text.contains("pusher:ping")) {
                socket.sendText("{\"event\":\"pusher:pong\",\"data\":{}}", true);
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            System.err.println("socket error: " + error);
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<?>> closing = new ArrayList<>();
        synchronized (sockets) {
            for (WebSocket socket : sockets) {
                closing.add(socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null));
            }
            sockets.clear();
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // best effort
        }
    }
}
