package io.zintrust.socket.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Payara Micro with this environment, for suites that need a configuration other than the
 * Arquillian server's (another auth policy, timeouts, path, a disabled or broken setup, a TLS
 * listener, a cluster): the built WAR started the way users start it (server-config's recipe,
 * {@link PayaraLaunch}), on 127.0.0.1 only, never phoning home, never multicast.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(...)).readyAt("/app/key");
 * </pre>
 * As a static extension it starts before the suite's first test and stops after its last; sockets
 * opened with {@link #connect} or {@link #open} are closed after each test. Without the extension,
 * {@link #start()} in a try-with-resources runs one for a single test.
 */
public final class PayaraServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(PayaraServer.class);

    private final Map<String, String> environment;
    private String name;
    private String readyPath;
    private boolean waitForReadiness = true;
    private boolean tls;
    private String clusterName;
    private List<Path> libraries = List.of();
    private boolean sharedAcrossSuites;
    private int debuggerPort = -1;
    private PayaraProcess process;
    private final List<PusherSocket> sockets = new ArrayList<>();

    private PayaraServer(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A server whose environment holds these settings and none of the test JVM's app variables. */
    public static PayaraServer withEnvironment(Map<String, String> environment) {
        return new PayaraServer(environment);
    }

    /** Its log is {@code target/it-logs/<name>.log}; by default the name of the suite. */
    public PayaraServer named(String logName) {
        this.name = logName;
        return this;
    }

    /** Started once Payara says ready and this path answers with something other than 404 or 500. */
    public PayaraServer readyAt(String path) {
        this.readyPath = path;
        return this;
    }

    /** Started as soon as the process runs: for deployments meant to fail, watched through the log. */
    public PayaraServer notWaitingForReadiness() {
        this.waitForReadiness = false;
        return this;
    }

    /** Also listening for TLS (Payara Micro's self-signed certificate) on {@link #tlsPort()}. */
    public PayaraServer withTls() {
        this.tls = true;
        return this;
    }

    /** A member of the data-grid cluster {@code name}, over TCP on 127.0.0.1 only. */
    public PayaraServer clustered(String name) {
        this.clusterName = name;
        return this;
    }

    /** With these jars on the server's class path (Payara Micro's --addlibs), e.g. an app's policy jar. */
    public PayaraServer withLibraries(Path... jars) {
        this.libraries = List.of(jars);
        return this;
    }

    /**
     * Its JVM takes a debugger (JDWP) on 127.0.0.1 at {@link #debuggerPort()}, for tests that must stop
     * one of its threads where no product hook could (see {@link Debugger}).
     */
    public PayaraServer withDebugger() {
        this.debuggerPort = PayaraLaunch.freePort();
        return this;
    }

    public int debuggerPort() {
        if (debuggerPort < 0) {
            throw new IllegalStateException(name + " was not started withDebugger()");
        }
        return debuggerPort;
    }

    /** One server for every suite that registers this instance: stopped when the test run ends. */
    public PayaraServer sharedAcrossSuites() {
        this.sharedAcrossSuites = true;
        return this;
    }

    /** A server like this one (same environment, readiness, listeners, cluster, libraries) under another log name. */
    PayaraServer copyNamed(String logName) {
        PayaraServer copy = new PayaraServer(environment).named(logName);
        copy.readyPath = readyPath;
        copy.waitForReadiness = waitForReadiness;
        copy.tls = tls;
        copy.clusterName = clusterName;
        copy.libraries = libraries;
        copy.debuggerPort = debuggerPort < 0 ? -1 : PayaraLaunch.freePort();
        return copy;
    }

    /** Starts it and returns once it is ready (or at once, {@link #notWaitingForReadiness()}). */
    public synchronized PayaraServer start() {
        if (process != null) {
            throw new IllegalStateException(name + " is already running");
        }
        if (name == null) {
            throw new IllegalStateException("name the server (named) to start it outside a suite's extension");
        }
        if (waitForReadiness && readyPath == null) {
            throw new IllegalStateException("say readyAt(path), or notWaitingForReadiness() for a deployment meant to fail");
        }
        List<String> arguments = new ArrayList<>();
        if (tls) {
            arguments.addAll(List.of("--sslport", Integer.toString(PayaraLaunch.freePort())));
        }
        if (clusterName != null) {
            arguments.addAll(PayaraLaunch.loopbackCluster(clusterName));
        }
        if (!libraries.isEmpty()) {
            arguments.addAll(PayaraLaunch.libraries(libraries));
        }
        List<String> jvm = debuggerPort < 0 ? List.of()
                : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + debuggerPort);
        process = PayaraProcess.start(name, environment, waitForReadiness ? readyPath : null, arguments, jvm);
        return this;
    }

    /** Starts it again (after {@link #kill()}), logging to {@code <name>-restarted.log}, on a new port. */
    public synchronized void restart() {
        close();
        name = name + "-restarted";
        start();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (name == null) {
            name = context.getRequiredTestClass().getSimpleName();
        }
        if (sharedAcrossSuites) {
            context.getRoot().getStore(SHARED).getOrComputeIfAbsent(this, server -> start());
        } else {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeSockets();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!sharedAcrossSuites) {
            close();
        }
    }

    /** Stops it (and lets it shut down). */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Asks it to stop (SIGTERM) and returns at once: the graceful stop runs meanwhile. */
    public void terminate() {
        running().terminate();
    }

    /** After {@link #terminate()}: waits for the process to end and returns its exit code. */
    public int awaitExit(java.time.Duration wait) {
        return running().awaitExit(wait);
    }

    /** The TCP ports its process listens on. */
    public java.util.Set<Integer> listeningPorts() {
        return running().listeningPorts();
    }

    /** Kills it without letting it shut down (SIGKILL), as a crash would. */
    public void kill() {
        running().kill();
    }

    /** Where the test reaches it: 127.0.0.1 and its HTTP port. */
    public Loopback server() {
        return running().server();
    }

    /** The TLS port ({@link #withTls()}), or -1. */
    public int tlsPort() {
        return running().tlsPort();
    }

    /** Its live objects per class, counted after a full collection. */
    public HeapCensus heapCensus() {
        return running().heapCensus();
    }

    /** Everything it has logged so far. */
    public String log() {
        return running().log();
    }

    /** Waits until its log shows a line matching, or fails after {@code wait}. */
    public String awaitLog(Predicate<String> line, Duration wait) {
        return running().awaitLog(line, wait);
    }

    /** A socket to this path and query that has received connection_established; closed after the test. */
    public PusherSocket connect(String pathAndQuery) {
        return kept(PusherSocket.connect(server().ws(pathAndQuery)));
    }

    /** A socket to this path and query, not waiting for any frame (for refused connections); closed after the test. */
    public PusherSocket open(String pathAndQuery) {
        return kept(PusherSocket.open(server().ws(pathAndQuery)));
    }

    void closeSockets() {
        List<PusherSocket> open;
        synchronized (sockets) {
            open = List.copyOf(sockets);
            sockets.clear();
        }
        open.forEach(PusherSocket::close);
    }

    private PusherSocket kept(PusherSocket socket) {
        synchronized (sockets) {
            sockets.add(socket);
        }
        return socket;
    }

    private synchronized PayaraProcess running() {
        if (process == null) {
            throw new IllegalStateException((name == null ? "the server" : name) + " is not running");
        }
        return process;
    }
}
