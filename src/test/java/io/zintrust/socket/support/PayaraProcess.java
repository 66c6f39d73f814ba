package io.zintrust.socket.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Payara Micro of its own for suites that need a configuration other than the Arquillian server's
 * (another auth policy, timeouts, path, a disabled or broken setup, a cluster). Same built WAR, loopback
 * only, never phoning home; not clustered, or clustered over TCP on loopback only (never multicast).
 */
public final class PayaraProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(150);

    private final Process process;
    private final Path log;
    private final Loopback server;
    private final List<String> command;

    private PayaraProcess(Process process, Path log, Loopback server, List<String> command) {
        this.process = process;
        this.log = log;
        this.server = server;
        this.command = command;
    }

    /**
     * Starts the WAR with these settings on top of a clean environment (the Arquillian server's app
     * variables are removed), and waits until {@code readyPath} answers; with a null path it returns at
     * once, for tests that watch the log of a deployment meant to fail.
     */
    public static PayaraProcess start(String name, Map<String, String> settings, String readyPath) {
        return start(name, settings, readyPath, List.of("--nocluster"));
    }

    /** Also listening for TLS (Payara Micro's self-signed certificate) on {@link #tlsPort()}. */
    public static PayaraProcess startWithTls(String name, Map<String, String> settings, String readyPath) {
        return start(name, settings, readyPath, List.of("--nocluster", "--sslport", Integer.toString(freePort())));
    }

    /** The TLS port given with --sslport, or -1. */
    public int tlsPort() {
        int at = command.indexOf("--sslport");
        return at < 0 ? -1 : Integer.parseInt(command.get(at + 1));
    }

    /** A member of the data-grid cluster {@code clusterName}, over TCP on 127.0.0.1. */
    public static PayaraProcess startClustered(String name, Map<String, String> settings, String readyPath,
                                               String clusterName) {
        return start(name, settings, readyPath, List.of("--clustermode", "tcpip:127.0.0.1", "--interfaces", "127.0.0.1",
                "--clustername", clusterName));
    }

    private static PayaraProcess start(String name, Map<String, String> settings, String readyPath,
                                       List<String> listenerArguments) {
        File target = new File(System.getProperty("project.build.directory", "target"));
        Path log = target.toPath().resolve("it-logs").resolve(name + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + target.getAbsolutePath(),
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("zintrust.war"), "--contextroot", "/",
                "--port", Integer.toString(port), "--disablephonehome",
                "--prebootcommandfile", System.getProperty("zintrust.serverConfig") + "/pre-boot-commands.asadmin"));
        command.addAll(listenerArguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("PUSHER_") || key.startsWith("SOCKET_")
                    || key.startsWith("BROADCAST_"));
            builder.environment().putAll(settings);
            PayaraProcess started = new PayaraProcess(builder.start(), log, new Loopback(port), command);
            if (readyPath != null) {
                started.awaitReady(readyPath);
            }
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Payara Micro: " + e, e);
        }
    }

    private void awaitReady(String readyPath) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see " + log);
            }
            // Payara answers with placeholders while it deploys: trust the app only once Payara says ready
            if (log().contains(" ready in ")) {
                try {
                    int status = Http.get(server.http(readyPath)).status();
                    if (status != 404 && status != 500) {
                        return;
                    }
                } catch (IllegalStateException notYet) {
                    // not listening yet
                }
            }
            sleep(300);
        }
        close();
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP.toSeconds() + " s; see " + log);
    }

    /** Waits until the server log shows a line matching, or fails after {@code wait}. */
    public String awaitLog(Predicate<String> line, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (String candidate : log().split("\n")) {
                if (line.test(candidate)) {
                    return candidate;
                }
            }
            sleep(300);
        }
        throw new AssertionError("No matching log line within " + wait.toSeconds() + " s; see " + this.log);
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public Loopback server() {
        return server;
    }

    /** Kills the server without letting it shut down (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
