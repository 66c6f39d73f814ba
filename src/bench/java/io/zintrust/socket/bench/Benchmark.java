package io.zintrust.socket.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the server as PROTOCOL users load it: steady fan-out, saturated fan-out, idle connection
 * memory and HTTP publishing. Prints a table and one JSON line. Settings are system properties:
 * bench.subscribers (1000), bench.rate (50 events/s), bench.seconds (10), bench.window (20 events in
 * flight), bench.idle (10000 connections), bench.warmup (30 s of unrecorded saturation first, and as
 * long of unrecorded HTTP publishing before that phase, so the JIT has compiled the hot paths), bench.port + bench.pid (use a running server) with bench.app,
 * bench.key and bench.secret (its credentials). Other modes: bench.cluster=true (a three-instance cluster),
 * bench.auth=true (auth policy latency, bench.requests), bench.startup=true (startup without and with the
 * ahead-of-time cache, bench.rounds), bench.webhooks=true (publish latency without and
 * with webhooks, webhook events per second with bench.sockets sockets).
 */
public final class Benchmark {

    private static final int PAYLOAD = 100;
    private final BenchServer server;
    private final HttpClient http;
    private final ProcessStats self = ProcessStats.self();
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Benchmark(BenchServer server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("bench.project", ".")).toAbsolutePath();
        int port = Integer.getInteger("bench.port", 0);
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().executor(callbacks).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        if (Boolean.getBoolean("bench.webhooks")) {
            try {
                new WebhookBenchmark(project, http).run(Integer.getInteger("bench.sockets", 2000),
                        Integer.getInteger("bench.requests", 3000));
            } finally {
                callbacks.shutdownNow();
            }
            System.exit(0);
        }
        if (Boolean.getBoolean("bench.startup")) {
            try {
                new StartupBenchmark(project).run(Integer.getInteger("bench.rounds", 2));
            } finally {
                callbacks.shutdownNow();
            }
            System.exit(0);
        }
        if (Boolean.getBoolean("bench.auth")) {
            try {
                new AuthBenchmark(project, http).run(Integer.getInteger("bench.requests", 3000));
            } finally {
                callbacks.shutdownNow();
            }
            System.exit(0);
        }
        if (Boolean.getBoolean("bench.cluster")) {
            try {
                new ClusterBenchmark(project, http).run(Integer.getInteger("bench.subscribers", 1000),
                        Integer.getInteger("bench.rate", 50), Integer.getInteger("bench.seconds", 10),
                        Integer.getInteger("bench.window", 20), Integer.getInteger("bench.instances", 3));
            } finally {
                callbacks.shutdownNow();
            }
            System.exit(0);
        }
        int idle = Integer.getInteger("bench.idle", 10000);
        Map<String, Object> memory = new LinkedHashMap<>();
        try {
            if (port == 0 && idle > 0) {
                // memory on a fresh server of its own: once load has touched the heap's pages, new connections
                // reuse them and the growth of the resident set says little about what a connection costs
                try (BenchServer fresh = BenchServer.start(project)) {
                    memory.put("server_java", fresh.javaFeature);
                    memory.put("startup_426_ms", fresh.answeredMs);
                    memory.put("startup_subscribed_ms", fresh.subscribedMs);
                    Benchmark benchmark = new Benchmark(fresh, http);
                    benchmark.idleConnections(idle);
                    memory.putAll(benchmark.results);
                }
            }
            try (BenchServer server = port > 0 ? BenchServer.running(port, Long.getLong("bench.pid", -1))
                    : BenchServer.start(project)) {
                Benchmark benchmark = new Benchmark(server, http);
                if (port > 0 && idle > 0) {
                    // a running server: first, so start it fresh (and thousands of sockets closed by the
                    // phases below would otherwise still hold loopback ports in TIME_WAIT)
                    benchmark.idleConnections(idle);
                    memory.putAll(benchmark.results);
                    benchmark.results.clear();
                }
                int warmup = Integer.getInteger("bench.warmup", 30);
                if (warmup > 0) {
                    benchmark.saturation(Integer.getInteger("bench.subscribers", 1000),
                            Integer.getInteger("bench.window", 20), warmup);
                    benchmark.results.clear();
                }
                benchmark.steadyFanOut(Integer.getInteger("bench.subscribers", 1000), Integer.getInteger("bench.rate", 50),
                        Integer.getInteger("bench.seconds", 10));
                benchmark.saturation(Integer.getInteger("bench.subscribers", 1000), Integer.getInteger("bench.window", 20),
                        Integer.getInteger("bench.seconds", 10));
                if (warmup > 0) {
                    // the fan-out phases publish only tens of times a second: without this, the JIT
                    // compiling the HTTP path lands in the measured window (1.3 ms of CPU per publish
                    // measured cold against 0.35 ms warm)
                    Map<String, Object> measured = new LinkedHashMap<>(benchmark.results);
                    benchmark.httpPublish(16, warmup);
                    benchmark.results.clear();
                    benchmark.results.putAll(measured);
                }
                benchmark.httpPublish(16, Integer.getInteger("bench.seconds", 10));
                memory.putAll(benchmark.results);
                benchmark.results.clear();
                benchmark.results.putAll(memory);
                benchmark.print();
            }
        } finally {
            callbacks.shutdownNow();
        }
        System.exit(0);
    }

    static String payload(long nanos) {
        String head = "T" + nanos + "|";
        return head + "x".repeat(Math.max(0, PAYLOAD - head.length()));
    }

    /** A signed publish, as the Pusher server SDKs send it (and as every Pusher-compatible server accepts). */
    private HttpRequest publishRequest(String channel, String data) {
        try {
            return signedPublish("{\"name\":\"tick\",\"channel\":\"" + channel + "\",\"data\":\"" + data + "\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** N subscribers on one channel, events at a fixed rate: delivery, loss, latency, server cost. */
    private void steadyFanOut(int subscribers, int rate, int seconds) throws Exception {
        try (Subscribers clients = new Subscribers(http)) {
            clients.open(server.port, subscribers, 200, i -> "steady");
            Thread.sleep(1000);
            double serverCpu = server.stats.cpuSeconds();
            double ownCpu = self.cpuSeconds();
            int events = rate * seconds;
            long start = System.nanoTime();
            AtomicLong failures = new AtomicLong();
            for (int i = 0; i < events; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                http.sendAsync(publishRequest("steady", payload(System.nanoTime())), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            if (error != null || response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        });
            }
            long expected = (long) events * clients.expected;
            drain(clients, expected, 10);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long delivered = clients.delivered.get();
            double cpu = server.stats.cpuSeconds() - serverCpu;
            results.put("steady_subscribers", clients.expected);
            results.put("steady_unsubscribed_sockets", clients.missing);
            results.put("steady_events_per_s", rate);
            results.put("steady_delivered_msgs_per_s", Math.round(delivered / elapsed));
            results.put("steady_lost", expected - delivered);
            results.put("steady_publish_failures", failures.get());
            results.put("steady_p50_ms", clients.latency.percentileMillis(50));
            results.put("steady_p95_ms", clients.latency.percentileMillis(95));
            results.put("steady_p99_ms", clients.latency.percentileMillis(99));
            results.put("steady_max_ms", clients.latency.maxMillis());
            results.put("steady_server_cpu_us_per_msg", round(cpu / delivered * 1e6));
            results.put("steady_loadgen_cpu_s", round(self.cpuSeconds() - ownCpu));
            results.put("steady_server_rss_mb", server.stats.rssKb() / 1024);
        }
    }

    /** The same subscribers, events as fast as a bounded in-flight window allows. */
    private void saturation(int subscribers, int window, int seconds) throws Exception {
        try (Subscribers clients = new Subscribers(http)) {
            clients.open(server.port, subscribers, 200, i -> "saturated");
            Thread.sleep(1000);
            double serverCpu = server.stats.cpuSeconds();
            double ownCpu = self.cpuSeconds();
            AtomicLong published = new AtomicLong();
            Semaphore httpInFlight = new Semaphore(8);
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                // an event is in flight until every subscriber has it
                if (published.get() * clients.expected - clients.delivered.get() >= (long) window * clients.expected) {
                    // parked, not spinning: a spinning generator would take a core from the server it measures
                    LockSupport.parkNanos(50_000);
                    continue;
                }
                httpInFlight.acquire();
                published.incrementAndGet();
                http.sendAsync(publishRequest("saturated", payload(System.nanoTime())),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> httpInFlight.release());
            }
            long expected = published.get() * clients.expected;
            drain(clients, expected, 20);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long delivered = clients.delivered.get();
            results.put("saturated_delivered_msgs_per_s", Math.round(delivered / elapsed));
            results.put("saturated_lost", expected - delivered);
            results.put("saturated_p99_ms", clients.latency.percentileMillis(99));
            results.put("saturated_server_cpu_us_per_msg", round((server.stats.cpuSeconds() - serverCpu) / delivered * 1e6));
            results.put("saturated_loadgen_cpu_s", round(self.cpuSeconds() - ownCpu));
        }
    }

    /** Signed POST /events (auth_signature, as the server SDKs send it) from 16 concurrent callers. */
    private void httpPublish(int callers, int seconds) throws Exception {
        Histogram latency = new Histogram();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        double ownCpu = self.cpuSeconds();
        double serverCpu = server.stats.cpuSeconds();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Semaphore inFlight = new Semaphore(callers);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long sent = System.nanoTime();
            http.sendAsync(signedPublish("{\"name\":\"api\",\"channel\":\"http-only\",\"data\":\"" + payload(sent) + "\"}"),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 200) {
                            accepted.incrementAndGet();
                            latency.record(System.nanoTime() - sent);
                        } else {
                            refused.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(callers);
        double elapsed = (System.nanoTime() - start) / 1e9;
        results.put("http_accepted_per_s", Math.round(accepted.get() / elapsed));
        results.put("http_refused", refused.get());
        results.put("http_p50_ms", latency.percentileMillis(50));
        results.put("http_p99_ms", latency.percentileMillis(99));
        results.put("http_server_cpu_us_per_request",
                round((server.stats.cpuSeconds() - serverCpu) / Math.max(1, accepted.get()) * 1e6));
        results.put("http_loadgen_cpu_s", round(self.cpuSeconds() - ownCpu));
    }

    private HttpRequest signedPublish(String body) throws Exception {
        return signedPublish(server.port, body);
    }

    static HttpRequest signedPublish(int port, String body) throws Exception {
        String path = "/apps/" + BenchServer.APP_ID + "/events";
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        String query = "auth_key=" + BenchServer.KEY + "&auth_timestamp=" + System.currentTimeMillis() / 1000
                + "&auth_version=1.0&body_md5=" + md5;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(BenchServer.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(("POST\n" + path + "\n" + query).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?" + query
                        + "&auth_signature=" + signature)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Idle subscribed connections: server memory per connection and how fast they are accepted. */
    private void idleConnections(int count) throws Exception {
        System.gc();
        Thread.sleep(2000);
        long heapBefore = server.stats.liveHeapKb();
        long before = server.stats.rssKb();
        try (Subscribers clients = new Subscribers(http)) {
            long start = System.nanoTime();
            clients.open(server.port, count, 500, i -> "idle-" + (i % 100));
            double elapsed = (System.nanoTime() - start) / 1e9;
            Thread.sleep(5000);
            long after = server.stats.rssKb();
            long heapAfter = heapBefore < 0 ? -1 : server.stats.liveHeapKb();
            results.put("idle_connections", clients.expected);
            results.put("idle_connections_per_s", Math.round(count / elapsed));
            results.put("idle_server_rss_before_mb", before / 1024);
            results.put("idle_server_rss_after_mb", after / 1024);
            results.put("idle_rss_kb_per_connection", round((after - before) / (double) clients.expected));
            if (heapAfter >= 0) {
                results.put("idle_live_heap_kb_per_connection", round((heapAfter - heapBefore) / (double) clients.expected));
            }
        }
    }

    static void drain(Subscribers clients, long expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (clients.delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void print() {
        print(results, "BENCHMARK");
        System.out.println(String.format(Locale.ROOT, "(load generator pid %d; server pid %d)",
                ProcessHandle.current().pid(), server.stats.pid()));
    }

    /** The results as a Markdown table, then as one JSON line after {@code label}. */
    static void print(Map<String, Object> results, String label) {
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        results.forEach((name, value) -> System.out.println("| " + name + " | " + value + " |"));
        StringBuilder json = new StringBuilder("{");
        results.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value instanceof Double d && (d.isNaN() || d.isInfinite()) ? "null" : value));
        System.out.println();
        System.out.println(label + " " + json.append('}'));
    }
}
