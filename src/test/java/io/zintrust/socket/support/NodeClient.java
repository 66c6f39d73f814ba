package io.zintrust.socket.support;

import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one of the Node scripts under src/test/js (pusher-js, laravel-echo from npm) and reads the
 * JSON lines it reports.
 */
public final class NodeClient implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<JsonObject> reports = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private NodeClient(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "node-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static NodeClient run(String script, String... args) {
        File directory = new File(System.getProperty("zintrust.js", "src/test/js"));
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            return new NodeClient(new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start node: " + e, e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith("{")) {
                    reports.add(PusherSocket.parse(line));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the process ended
        }
    }

    /** The next report of this type; earlier reports of other types are skipped. */
    public JsonObject await(String type) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (System.nanoTime() < deadline) {
                JsonObject report = reports.poll(200, TimeUnit.MILLISECONDS);
                if (report != null && type.equals(report.getString("type", ""))) {
                    return report;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (output) {
            return fail("No '" + type + "' report from node; it printed: " + output);
        }
    }

    /** Every JSON report, once the script has ended. */
    public List<JsonObject> reportsUntilExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            fail("node did not finish within " + seconds + " s");
        }
        Thread.sleep(200); // let the reader drain the last lines
        return List.copyOf(reports);
    }

    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("node did not exit");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
