package io.zintrust.socket.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One Payara Micro process of {@link PayaraServer}: the built WAR started by server-config's recipe
 * ({@link PayaraLaunch}), its output in {@code target/it-logs/<name>.log}.
 */
final class PayaraProcess implements AutoCloseable {

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
     * variables are removed) and {@code startArguments} after the recipe's flags, and waits until
     * {@code readyPath} answers; with a null path it returns at once, for tests that watch the log of a
     * deployment meant to fail.
     */
    static PayaraProcess start(String name, Map<String, String> settings, String readyPath,
                               List<String> startArguments, List<String> jvmOptions) {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path log = target.resolve("it-logs").resolve(name + ".log");
        int port = PayaraLaunch.freePort();
        List<String> command = PayaraLaunch.forTests().withLogFormat(settings.get("SOCKET_LOG_FORMAT"))
                .withJvmOptions(jvmOptions).command(Path.of(System.getProperty("payara.microJar")),
                        Path.of(System.getProperty("zintrust.war")), port, target, startArguments);
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

    /** The TLS port given with --sslport, or -1. */
    int tlsPort() {
        int at = command.indexOf("--sslport");
        return at < 0 ? -1 : Integer.parseInt(command.get(at + 1));
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
            Pause.sleep(300);
        }
        close();
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP.toSeconds() + " s; see " + log);
    }

    /** Waits until the server log shows a line matching, or fails after {@code wait}. */
    String awaitLog(Predicate<String> line, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (String candidate : log().split("\n")) {
                if (line.test(candidate)) {
                    return candidate;
                }
            }
            Pause.sleep(300);
        }
        throw new AssertionError("No matching log line within " + wait.toSeconds() + " s; see " + this.log);
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    Loopback server() {
        return server;
    }

    /** Its live objects per class, from the jcmd of the JDK it runs on (which forces a full collection first). */
    HeapCensus heapCensus() {
        Path jcmd = Path.of(command.get(0)).resolveSibling("jcmd");
        try {
            Path output = Files.createTempFile(log.getParent(), "census", ".txt");
            Process census = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!census.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                census.destroyForcibly();
                throw new IllegalStateException("jcmd did not answer within 60 s");
            }
            String histogram = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (census.exitValue() != 0) {
                throw new IllegalStateException("jcmd failed: " + histogram);
            }
            return HeapCensus.parse(histogram);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + jcmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the server without letting it shut down (SIGKILL), as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to stop (SIGTERM), as an orchestrator would, without waiting. */
    void terminate() {
        process.destroy();
    }

    /** Waits for it to exit; its exit code, or fails after {@code wait}. */
    int awaitExit(java.time.Duration wait) {
        try {
            if (!process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Still running " + wait.toSeconds() + " s after the stop signal; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The TCP ports it listens on, as {@code ss} reports them for its process. */
    java.util.Set<Integer> listeningPorts() {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
            String table = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) || ss.exitValue() != 0) {
                throw new IllegalStateException("ss failed: " + table);
            }
            java.util.Set<Integer> ports = new java.util.TreeSet<>();
            String owner = "pid=" + process.pid() + ",";
            for (String line : table.split("\n")) {
                if (line.contains(owner)) {
                    String local = line.trim().split("\\s+")[3];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)));
                }
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run ss (Debian's iproute2): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
}
