package io.zintrust.socket.bench;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What webhooks cost and carry: publish latency on a server without and with a webhook receiver (the
 * publish path must not notice), and how fast channel_occupied / channel_vacated events reach a local
 * receiver when thousands of sockets subscribe to a channel each and then leave at once. Run with
 * {@code -Dbench.webhooks=true}.
 */
final class WebhookBenchmark {

    private final Path project;
    private final HttpClient http;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    WebhookBenchmark(Path project, HttpClient http) {
        this.project = project;
        this.http = http;
    }

    void run(int sockets, int publishes) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(2));
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.addAndGet(count(body, "\"name\":"));
            batches.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        try {
            double[] off;
            try (BenchServer server = BenchServer.start(project, "bench-webhooks-off", Map.of())) {
                off = publishLatency(server, publishes);
            }
            double[] on;
            double occupiedPerS;
            double vacatedPerS;
            try (BenchServer server = BenchServer.start(project, "bench-webhooks-on", Map.of("SOCKET_WEBHOOK_URLS", url))) {
                on = publishLatency(server, publishes);
                received.set(0);
                batches.set(0);
                Subscribers clients = new Subscribers(http);
                long start = System.nanoTime();
                clients.open(server.port, sockets, 200, i -> "wh-" + i);
                awaitReceived(sockets);
                occupiedPerS = sockets / ((System.nanoTime() - start) / 1e9);
                long leave = System.nanoTime();
                clients.close();
                awaitReceived(2L * sockets);
                vacatedPerS = sockets / ((System.nanoTime() - leave) / 1e9);
            }
            System.out.println();
            System.out.printf("signed POST /events, one at a time, %d after %d unrecorded (no subscribers)%n", publishes,
                    publishes);
            System.out.printf("%-22s %10s %10s%n", "server", "p50 ms", "p99 ms");
            System.out.printf("%-22s %10.3f %10.3f%n", "no webhooks", off[0], off[1]);
            System.out.printf("%-22s %10.3f %10.3f%n", "webhooks to 1 receiver", on[0], on[1]);
            System.out.printf("webhook events delivered: %d in %d batches; channel_occupied %.0f/s while %d sockets"
                    + " subscribed (bounded by the handshakes), channel_vacated %.0f/s as they all left%n",
                    received.get(), batches.get(), occupiedPerS, sockets, vacatedPerS);
            clustered(url, sockets);
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * Two clustered instances, each channel with one subscriber on each, first with webhooks that do not
     * follow occupancy (no grid call, the baseline), then with channel_occupied and channel_vacated:
     * decided in the data grid, so each channel must give exactly one of each in all.
     */
    private void clustered(String url, int sockets) throws Exception {
        int channels = sockets / 2;
        double[] baseline = clusteredRates(url, channels, "client_event", 0);
        double[] followed = clusteredRates(url, channels, "channel_occupied,channel_vacated", 2L * channels);
        System.out.printf("cluster of 2, %d channels with a subscriber on each instance (%d sockets):%n", channels,
                2 * channels);
        System.out.printf("%-44s %14s %14s%n", "webhooks", "subscribes/s", "leaves/s");
        System.out.printf("%-44s %14.0f %14.0f%n", "client_event only (occupancy not followed)", baseline[0],
                baseline[1]);
        System.out.printf("%-44s %14.0f %14.0f%n", "channel_occupied,channel_vacated", followed[0], followed[1]);
        System.out.printf("events delivered with occupancy followed: %d (exactly once each: %d expected) in %d"
                + " batches%n", received.get(), 2L * channels, batches.get());
    }

    /** Until the cluster reports no occupied channel (every leave was processed on both instances). */
    private void awaitNoChannels(int port) throws Exception {
        java.net.http.HttpRequest list = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + port + "/apps/" + BenchServer.APP_ID + "/channels")).header("Authorization", "Bearer "
                + BenchServer.SECRET).build();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!http.send(list, HttpResponse.BodyHandlers.ofString()).body().contains("\"channels\":{}")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("channels still occupied after 120 s");
            }
            Thread.sleep(20);
        }
    }

    /** Sockets subscribed and left per second on a fresh two-instance cluster; checks the events that arrive. */
    private double[] clusteredRates(String url, int channels, String events, long expected) throws Exception {
        String cluster = "bench-webhooks-" + Long.toHexString(System.nanoTime());
        Map<String, String> environment = Map.of("SOCKET_WEBHOOK_URLS", url, "SOCKET_WEBHOOK_EVENTS", events);
        try (BenchServer one = BenchServer.startClustered(project, cluster, 1, environment);
             BenchServer two = BenchServer.startClustered(project, cluster, 2, environment)) {
            Thread.sleep(5000); // the second member joins the grid
            received.set(0);
            batches.set(0);
            Subscribers onOne = new Subscribers(http);
            Subscribers onTwo = new Subscribers(http);
            long start = System.nanoTime();
            onOne.open(one.port, channels, 100, i -> "whc-" + i);
            onTwo.open(two.port, channels, 100, i -> "whc-" + i);
            if (expected > 0) {
                awaitReceived(expected / 2);
            }
            double subscribed = 2 * channels / ((System.nanoTime() - start) / 1e9);
            long leave = System.nanoTime();
            onOne.close();
            onTwo.close();
            awaitNoChannels(one.port);
            if (expected > 0) {
                awaitReceived(expected);
            }
            double left = 2 * channels / ((System.nanoTime() - leave) / 1e9);
            Thread.sleep(3000); // anything sent twice would arrive by now
            if (received.get() != expected) {
                throw new IllegalStateException("expected " + expected + " webhook events, got " + received.get());
            }
            return new double[] {subscribed, left};
        }
    }

    private double[] publishLatency(BenchServer server, int publishes) throws Exception {
        Histogram latency = new Histogram();
        for (int round = 0; round < 2; round++) {
            latency.reset();
            for (int i = 0; i < publishes; i++) {
                long start = System.nanoTime();
                HttpResponse<Void> answer = http.send(Benchmark.signedPublish(server.port,
                        "{\"name\":\"tick\",\"channel\":\"wh-publish\",\"data\":\"" + Benchmark.payload(start) + "\"}"),
                        HttpResponse.BodyHandlers.discarding());
                latency.record(System.nanoTime() - start);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("publish answered " + answer.statusCode());
                }
            }
        }
        return new double[] {latency.percentileMillis(50), latency.percentileMillis(99)};
    }

    private void awaitReceived(long events) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (received.get() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the receiver got " + received.get() + " of " + events + " events");
            }
            Thread.sleep(5);
        }
    }

    private static long count(String text, String needle) {
        long found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            found++;
        }
        return found;
    }
}
