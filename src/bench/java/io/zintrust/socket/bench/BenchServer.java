package io.zintrust.socket.bench;

import io.zintrust.socket.support.PayaraLaunch;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The server under test: the built WAR on Payara Micro started by server-config's recipe
 * ({@link PayaraLaunch}: jvm.options as they are, payara-micro.args), on loopback, not clustered or
 * clustered over TCP on 127.0.0.1 only, never phoning home; or an already running server.
 */
final class BenchServer implements AutoCloseable {

    static final String APP_ID = System.getProperty("bench.app", "bench-app");
    static final String KEY = System.getProperty("bench.key", "bench-key");
    static final String SECRET = System.getProperty("bench.secret", "bench-secret");

    final int port;
    final ProcessStats stats;
    private final Process process;

    private BenchServer(int port, ProcessStats stats, Process process) {
        this.port = port;
        this.stats = stats;
        this.process = process;
    }

    /** Uses a running server on this port (its process id is needed for CPU and memory figures). */
    static BenchServer running(int port, long pid) {
        return new BenchServer(port, new ProcessStats(pid), null);
    }

    static BenchServer start(Path project) throws IOException, InterruptedException {
        return start(project, "bench-server", List.of(), java.util.Map.of());
    }

    /** A server with these settings on top of the benchmark app's (e.g. another auth policy). */
    static BenchServer start(Path project, String logName, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(project, logName, List.of(), environment);
    }

    /** One member of the data-grid cluster {@code clusterName}, over TCP on 127.0.0.1 only. */
    static BenchServer startClustered(Path project, String clusterName, int member)
            throws IOException, InterruptedException {
        return startClustered(project, clusterName, member, java.util.Map.of());
    }

    /** A cluster member with these settings on top of the benchmark app's. */
    static BenchServer startClustered(Path project, String clusterName, int member,
                                      java.util.Map<String, String> environment) throws IOException, InterruptedException {
        return start(project, "bench-" + clusterName + "-" + member, PayaraLaunch.loopbackCluster(clusterName),
                environment);
    }

    private static BenchServer start(Path project, String logName, List<String> clusterArguments,
                                     java.util.Map<String, String> environment) throws IOException, InterruptedException {
        int port = PayaraLaunch.freePort();
        String version = System.getProperty("payara.version", "6.2025.10");
        Path target = project.resolve("target");
        List<String> command = PayaraLaunch.from(project.resolve("server-config")).command(
                target.resolve("payara-micro-" + version + ".jar"), target.resolve("zintrust-socket.war"), port, target,
                clusterArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(target.resolve(logName + ".log").toFile());
        builder.environment().put("PUSHER_APP_ID", APP_ID);
        builder.environment().put("PUSHER_APP_KEY", KEY);
        builder.environment().put("PUSHER_APP_SECRET", SECRET);
        builder.environment().put("SOCKET_OUTBOUND_QUEUE_LIMIT", "100000");
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see target/" + logName + ".log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(
                        "http://127.0.0.1:" + port + "/app/" + KEY).toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 426) {
                    return new BenchServer(port, new ProcessStats(process.pid()), process);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro did not start within 180 s");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
