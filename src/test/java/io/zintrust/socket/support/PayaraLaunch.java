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

    private final List<String> jvmOptions;
    private final List<String> microOptions;

    private PayaraLaunch(List<String> jvmOptions, List<String> microOptions) {
        this.jvmOptions = jvmOptions;
        this.microOptions = microOptions;
    }

    /** The recipe in this server-config directory. */
    public static PayaraLaunch from(Path serverConfig) {
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
        return new PayaraLaunch(recipeLines(serverConfig.resolve("jvm.options")), List.copyOf(micro));
    }

    /** The recipe as the integration tests run it: failsafe's server-config, with {@link #TEST_HEAP}. */
    public static PayaraLaunch forTests() {
        return from(Path.of(System.getProperty("zintrust.serverConfig", "server-config"))).withHeap(TEST_HEAP);
    }

    /** The same recipe with this -Xmx instead of jvm.options' one. */
    public PayaraLaunch withHeap(String maxHeap) {
        List<String> jvm = new ArrayList<>(jvmOptions.stream().filter(option -> !option.startsWith("-Xmx")).toList());
        jvm.add(maxHeap);
        return new PayaraLaunch(List.copyOf(jvm), microOptions);
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * The recipe's Payara Micro flags for a start that passes {@code startArguments}: without
     * --nocluster when those choose a --clustermode, as start.sh does.
     */
    public List<String> microOptions(List<String> startArguments) {
        boolean clustered = startArguments.stream().anyMatch(argument -> argument.startsWith("--clustermode"));
        return microOptions.stream().filter(flag -> !(clustered && flag.equals("--nocluster"))).toList();
    }

    /** The whole command: this JVM's java, the recipe, then {@code startArguments}. */
    public List<String> command(Path microJar, Path war, int port, Path tmpDir, List<String> startArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
