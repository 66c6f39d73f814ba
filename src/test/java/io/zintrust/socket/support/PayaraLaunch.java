package io.zintrust.socket.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Payara Micro command line of server-config's recipe, the one {@code server-config/start.sh}
 * follows: the JVM options of {@code jvm.options} and the Payara Micro flags of
 * {@code payara-micro.args} (files named {@code ./x} there resolved against server-config), plus what
 * one start adds (WAR, port, temporary directory, --sslport, --clustermode ...). The integration tests
 * and the benchmark start every server through it.
 */
public final class PayaraLaunch {

    /** The heap of a test server: several run at once on one machine (jvm.options says -Xmx1g). */
    public static final String TEST_HEAP = "-Xmx512m";

    /** The runtime {@code java-runtime.sh} chose: its java binary and its feature version. */
    public record Runtime(String java, int feature) {
    }

    private final Runtime runtime;
    private final List<String> jvmOptions;
    private final List<String> microOptions;

    private PayaraLaunch(Runtime runtime, List<String> jvmOptions, List<String> microOptions) {
        this.runtime = runtime;
        this.jvmOptions = jvmOptions;
        this.microOptions = microOptions;
    }

    /** The recipe in this server-config directory, on the runtime its java-runtime.sh picks. */
    public static PayaraLaunch from(Path serverConfig) {
        return from(serverConfig, runtime(serverConfig));
    }

    /** The recipe in this server-config directory on this runtime. */
    public static PayaraLaunch from(Path serverConfig, Runtime runtime) {
        List<String> jvm = new ArrayList<>(recipeLines(serverConfig.resolve("jvm.options")));
        if (runtime.feature() >= 25) {
            jvm.addAll(recipeLines(serverConfig.resolve("jvm-25.options")));
        }
        List<String> micro = new ArrayList<>();
        for (String line : recipeLines(serverConfig.resolve("payara-micro.args"))) {
            String[] flagAndValue = line.split("\\s+", 2);
            micro.add(flagAndValue[0]);
            if (flagAndValue.length == 2) {
                String value = flagAndValue[1];
                micro.add(value.startsWith("./")
                        ? serverConfig.resolve(value.substring(2)).toAbsolutePath().toString() : value);
            }
        }
        return new PayaraLaunch(runtime, List.copyOf(jvm), List.copyOf(micro));
    }

    private static final java.util.Map<Path, Runtime> RUNTIMES = new java.util.concurrent.ConcurrentHashMap<>();

    /** What server-config's java-runtime.sh prints (asked once per directory). */
    static Runtime runtime(Path serverConfig) {
        return RUNTIMES.computeIfAbsent(serverConfig.toAbsolutePath(), dir -> {
            try {
                Process lookup = new ProcessBuilder("bash", dir.resolve("java-runtime.sh").toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String answer = new String(lookup.getInputStream().readAllBytes()).trim();
                if (lookup.waitFor() != 0 || !answer.matches("\\S+ \\d+")) {
                    throw new IllegalStateException("java-runtime.sh answered '" + answer + "'");
                }
                String[] parts = answer.split(" ");
                return new Runtime(parts[0], Integer.parseInt(parts[1]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    public Runtime runtime() {
        return runtime;
    }

    /** The recipe as the integration tests run it: failsafe's server-config, with {@link #TEST_HEAP}. */
    public static PayaraLaunch forTests() {
        return from(testServerConfig()).withHeap(TEST_HEAP);
    }

    /**
     * The same on the JVM running the tests: the Arquillian container starts Payara Micro with the
     * test JVM's java, so its options must be that runtime's (this keeps Java 17 tested too).
     */
    public static PayaraLaunch forTestsOnThisJvm() {
        Runtime here = new Runtime(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                java.lang.Runtime.version().feature());
        return from(testServerConfig(), here).withHeap(TEST_HEAP);
    }

    private static Path testServerConfig() {
        return Path.of(System.getProperty("zintrust.serverConfig", "server-config"));
    }

    /** The same recipe with this -Xmx instead of jvm.options' one. */
    public PayaraLaunch withHeap(String maxHeap) {
        List<String> jvm = new ArrayList<>(jvmOptions.stream().filter(option -> !option.startsWith("-Xmx")).toList());
        jvm.add(maxHeap);
        return new PayaraLaunch(runtime, List.copyOf(jvm), microOptions);
    }

    /** The same recipe with these JVM options after its own. */
    public PayaraLaunch withJvmOptions(List<String> extra) {
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.addAll(extra);
        return new PayaraLaunch(runtime, List.copyOf(jvm), microOptions);
    }

    /**
     * The same recipe logging as {@code SOCKET_LOG_FORMAT} asks (as start.sh does): {@code json} takes
     * logging-json.properties instead of logging.properties; null or {@code text} changes nothing.
     */
    public PayaraLaunch withLogFormat(String format) {
        if (format == null || format.equals("text")) {
            return this;
        }
        if (!format.equals("json")) {
            throw new IllegalArgumentException("SOCKET_LOG_FORMAT must be text or json, not " + format);
        }
        List<String> micro = microOptions.stream()
                .map(option -> option.endsWith("logging.properties")
                        ? option.substring(0, option.length() - "logging.properties".length()) + "logging-json.properties"
                        : option).toList();
        return new PayaraLaunch(runtime, jvmOptions, micro);
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * The recipe's Payara Micro flags for a start that passes {@code startArguments}: without
     * --nohazelcast when those choose a --clustermode, as start.sh does.
     */
    public List<String> microOptions(List<String> startArguments) {
        boolean clustered = startArguments.stream().anyMatch(argument -> argument.startsWith("--clustermode"));
        return microOptions.stream().filter(flag -> !(clustered && flag.equals("--nohazelcast"))).toList();
    }

    /** The whole command: the recipe's java, its options, then {@code startArguments}. */
    public List<String> command(Path microJar, Path war, int port, Path tmpDir, List<String> startArguments) {
        List<String> command = new ArrayList<>();
        command.add(runtime.java());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + tmpDir.toAbsolutePath());
        command.addAll(List.of("-jar", microJar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath().toString(), "--port", Integer.toString(port)));
        command.addAll(microOptions(startArguments));
        command.addAll(startArguments);
        return command;
    }

    /** The arguments of a member of the data-grid cluster {@code clusterName}, over TCP on 127.0.0.1 only. */
    public static List<String> loopbackCluster(String clusterName) {
        return List.of("--clustermode", "tcpip:127.0.0.1", "--interfaces", "127.0.0.1", "--clustername", clusterName);
    }

    /**
     * The arguments that put these jars on the server's class path: one --addlibs, its paths joined by
     * the platform's path separator (Payara Micro splits on it; ':' here). A missing jar is only logged
     * by Payara, so it is refused here.
     */
    public static List<String> libraries(List<Path> jars) {
        List<String> paths = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("No jar at " + jar.toAbsolutePath() + ": build it first (mvn package)");
            }
            paths.add(jar.toAbsolutePath().toString());
        }
        return List.of("--addlibs", String.join(java.io.File.pathSeparator, paths));
    }

    /** A port free on 127.0.0.1 right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> recipeLines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Payara Micro recipe " + file, e);
        }
    }
}
