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
    /** From the process start until the socket path answered 426, and until a socket had subscribed; -1: not started here. */
    long answeredMs = -1;
    long subscribedMs = -1;
    /** The Java feature version the server runs on; 0: not started here. */
    int javaFeature;

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
        return start(project, logName, clusterArguments, environment, List.of());
    }

    /** A server with these JVM options after the recipe's (e.g. an ahead-of-time cache). */
    static BenchServer startWithJvmOptions(Path project, String logName, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return start(project, logName, List.of(), java.util.Map.of(), jvmOptions);
    }

    private static BenchServer start(Path project, String logName, List<String> clusterArguments,
                                     java.util.Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int port = PayaraLaunch.freePort();
        String version = System.getProperty("payara.version", "6.2025.10");
        Path target = project.resolve("target");
        PayaraLaunch recipe = PayaraLaunch.from(project.resolve("server-config")).withJvmOptions(jvmOptions);
        List<String> command = recipe.command(
                target.resolve("payara-micro-" + version + ".jar"), target.resolve("zintrust-socket.war"), port, target,
                clusterArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(target.resolve(logName + ".log").toFile());
        builder.environment().put("PUSHER_APP_ID", APP_ID);
        builder.environment().put("PUSHER_APP_KEY", KEY);
        builder.environment().put("PUSHER_APP_SECRET", SECRET);
        builder.environment().put("SOCKET_OUTBOUND_QUEUE_LIMIT", "100000");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        long deadline = started + 180_000_000_000L;
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
                    BenchServer server = new BenchServer(port, new ProcessStats(process.pid(),
                            Path.of(recipe.runtime().java()).resolveSibling("jcmd")), process);
                    server.javaFeature = recipe.runtime().feature();
                    server.answeredMs = (System.nanoTime() - started) / 1_000_000;
                    awaitSubscribe(port, deadline);
                    server.subscribedMs = (System.nanoTime() - started) / 1_000_000;
                    System.out.println("(" + logName + ": Payara Micro on Java " + recipe.runtime().feature() + ", "
                            + recipe.runtime().java() + "; 426 after " + server.answeredMs + " ms, a socket subscribed"
                            + " after " + server.subscribedMs + " ms)");
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro did not start within 180 s");
    }

    /** Until a websocket of the benchmark's app has subscribed to a channel (the upgrade may fail at first). */
    private static void awaitSubscribe(int port, long deadline) throws InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            java.util.concurrent.CompletableFuture<Void> subscribed = new java.util.concurrent.CompletableFuture<>();
            try {
                java.net.http.WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:"
                        + port + "/app/" + KEY + "?protocol=7"), new java.net.http.WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws,
                                                                                  CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    String frame = text.toString();
                                    text.setLength(0);
                                    if (frame.contains("pusher:connection_established")) {
                                        ws.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"startup\"}}",
                                                true);
                                    } else if (frame.contains("pusher_internal:subscription_succeeded")) {
                                        subscribed.complete(null);
                                    }
                                }
                                ws.request(1);
                                return null;
                            }
                        }).get(5, java.util.concurrent.TimeUnit.SECONDS);
                subscribed.get(5, java.util.concurrent.TimeUnit.SECONDS);
                socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye");
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                Thread.sleep(50); // the upgrade is not served yet
            }
        }
        throw new IllegalStateException("no socket could subscribe within 180 s");
    }

    /** The Java feature version the recipe runs the server on. */
    static int runtimeFeature(Path project) {
        return PayaraLaunch.from(project.resolve("server-config")).runtime().feature();
    }

    @Override
    public void close() throws InterruptedException {
        stop(20);
    }

    /** SIGTERM, then SIGKILL after {@code seconds}. */
    void stop(int seconds) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
