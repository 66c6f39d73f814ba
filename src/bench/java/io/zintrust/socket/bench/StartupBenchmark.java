package io.zintrust.socket.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Startup until a socket can subscribe, without and with JDK 25's ahead-of-time cache (what
 * server-config/start.sh uses on JDK 25+): fresh starts without a cache, one start that records the
 * cache and writes it as it stops, then fresh starts that load it. Run with {@code -Dbench.startup=true}.
 */
final class StartupBenchmark {

    private final Path project;

    StartupBenchmark(Path project) {
        this.project = project;
    }

    void run(int rounds) throws Exception {
        int feature = BenchServer.runtimeFeature(project);
        List<long[]> plain = starts(rounds, List.of(), "bench-startup-plain");
        List<long[]> cached = new ArrayList<>();
        long cacheBytes = 0;
        if (feature >= 25) {
            Path cache = project.resolve("target").resolve("bench-startup.aot");
            Files.deleteIfExists(cache);
            BenchServer training = BenchServer.startWithJvmOptions(project, "bench-startup-training",
                    List.of("-XX:AOTCacheOutput=" + cache));
            training.stop(180); // the cache is assembled as the JVM exits
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException("no ahead-of-time cache at " + cache);
            }
            cacheBytes = Files.size(cache);
            cached = starts(rounds, List.of("-XX:AOTCache=" + cache), "bench-startup-cached");
        }
        System.out.println();
        System.out.printf("startup on Java %d until the socket path answers 426 / until a socket subscribed%n", feature);
        System.out.printf("%-34s %s%n", "start", "ms");
        for (long[] each : plain) {
            System.out.printf("%-34s %d / %d%n", "no ahead-of-time cache", each[0], each[1]);
        }
        for (long[] each : cached) {
            System.out.printf("%-34s %d / %d%n", "ahead-of-time cache (" + cacheBytes / 1_048_576 + " MB)", each[0],
                    each[1]);
        }
        if (feature < 25) {
            System.out.println("(the ahead-of-time cache needs JDK 25 or newer: not measured)");
        }
    }

    private List<long[]> starts(int rounds, List<String> jvmOptions, String logName) throws Exception {
        List<long[]> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            try (BenchServer server = BenchServer.startWithJvmOptions(project, logName + "-" + i, jvmOptions)) {
                times.add(new long[] {server.answeredMs, server.subscribedMs});
            }
        }
        return times;
    }
}
