package io.zintrust.socket.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The cluster mode ({@code -Dbench.cluster=true}): for 1, 2 and 3 instances clustered over TCP on
 * 127.0.0.1, the subscribers are spread evenly over the instances and every event is published to the
 * first one. Reports the publish-to-receipt latency of subscribers on the publishing instance (local)
 * and on the others (cross-instance), and the saturated delivered msgs/s with the server CPU summed
 * over all instances.
 */
final class ClusterBenchmark {

    private final Path project;
    private final HttpClient http;
    private final ProcessStats self = ProcessStats.self();
    private final Map<String, Object> results = new LinkedHashMap<>();

    ClusterBenchmark(Path project, HttpClient http) {
        this.project = project;
        this.http = http;
    }

    void run(int subscribers, int rate, int seconds, int window, int maxInstances) throws Exception {
        for (int instances = 1; instances <= maxInstances; instances++) {
            List<BenchServer> servers = startCluster(instances);
            try {
                measure(servers, subscribers, rate, seconds, window);
            } finally {
                for (BenchServer server : servers) {
                    server.close();
                }
            }
        }
        Benchmark.print(results, "BENCHMARK_CLUSTER");
    }

    private List<BenchServer> startCluster(int instances) {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<BenchServer>> starting = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            int member = i;
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return BenchServer.startClustered(project, name, member);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<BenchServer> servers = new ArrayList<>();
        starting.forEach(future -> servers.add(future.join()));
        // members that started together may still be merging into one cluster
        sleep(instances > 1 ? 15_000 : 0);
        return servers;
    }

    private void measure(List<BenchServer> servers, int subscribers, int rate, int seconds, int window)
            throws Exception {
        int n = servers.size();
        String prefix = "cluster" + n + "_";
        Histogram remote = new Histogram();
        List<Subscribers> groups = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Subscribers group = i == 0 ? new Subscribers(http) : new Subscribers(http, remote);
                group.open(servers.get(i).port, subscribers / n, 200, s -> "steady");
                groups.add(group);
            }
            int expectedPerEvent = groups.stream().mapToInt(g -> g.expected).sum();
            saturate(servers, groups, expectedPerEvent, window, Math.max(5, seconds / 2), "warmup");
            sleep(2000);
            groups.get(0).latency.reset();
            remote.reset();
            long before = delivered(groups);
            int events = rate * seconds;
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                http.sendAsync(Benchmark.signedPublish(servers.get(0).port, publishBody("steady")),
                        HttpResponse.BodyHandlers.discarding());
            }
            long expected = (long) events * expectedPerEvent;
            waitFor(groups, before + expected, 10);
            results.put(prefix + "steady_lost", before + expected - delivered(groups));
            results.put(prefix + "local_p50_ms", groups.get(0).latency.percentileMillis(50));
            results.put(prefix + "local_p99_ms", groups.get(0).latency.percentileMillis(99));
            if (n > 1) {
                results.put(prefix + "cross_instance_p50_ms", remote.percentileMillis(50));
                results.put(prefix + "cross_instance_p99_ms", remote.percentileMillis(99));
            }
            saturate(servers, groups, expectedPerEvent, window, seconds, prefix);
        } finally {
            for (Subscribers group : groups) {
                group.close();
            }
        }
    }

    /** Events as fast as the in-flight window allows, all published to the first instance. */
    private void saturate(List<BenchServer> servers, List<Subscribers> groups, int expectedPerEvent, int window,
                          int seconds, String prefix) throws Exception {
        BenchServer publisher = servers.get(0);
        long before = delivered(groups);
        double ownCpu = self.cpuSeconds();
        AtomicLong published = new AtomicLong();
        Semaphore httpInFlight = new Semaphore(8);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        double cpuBefore = cpuOf(servers);
        while (System.nanoTime() < end) {
            if (published.get() * expectedPerEvent - (delivered(groups) - before) >= (long) window * expectedPerEvent) {
                LockSupport.parkNanos(50_000);
                continue;
            }
            httpInFlight.acquire();
            published.incrementAndGet();
            http.sendAsync(Benchmark.signedPublish(publisher.port, publishBody("steady")),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> httpInFlight.release());
        }
        long expected = published.get() * expectedPerEvent;
        waitFor(groups, before + expected, 20);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long delivered = delivered(groups) - before;
        if ("warmup".equals(prefix)) {
            return;
        }
        double cpu = cpuOf(servers) - cpuBefore;
        results.put(prefix + "saturated_delivered_msgs_per_s", Math.round(delivered / elapsed));
        results.put(prefix + "saturated_lost", expected - delivered);
        results.put(prefix + "saturated_server_cpu_us_per_msg", Benchmark.round(cpu / delivered * 1e6));
        results.put(prefix + "loadgen_cpu_s", Benchmark.round(self.cpuSeconds() - ownCpu));
    }

    /** Server CPU seconds summed over every instance. */
    private static double cpuOf(List<BenchServer> servers) {
        return servers.stream().mapToDouble(server -> server.stats.cpuSeconds()).sum();
    }

    private static long delivered(List<Subscribers> groups) {
        return groups.stream().mapToLong(group -> group.delivered.get()).sum();
    }

    private static void waitFor(List<Subscribers> groups, long target, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (delivered(groups) < target && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    private static String publishBody(String channel) {
        return "{\"name\":\"tick\",\"channel\":\"" + channel + "\",\"data\":\"" + Benchmark.payload(System.nanoTime())
                + "\"}";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
