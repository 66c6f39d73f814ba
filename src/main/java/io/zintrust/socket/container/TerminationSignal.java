package io.zintrust.socket.container;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * Runs a drain when the process is asked to stop (SIGTERM, or SIGINT from a terminal), before the
 * container's own shutdown begins: the JVM runs every shutdown hook at once, so a drain in a hook would
 * race Payara closing its listeners, its data grid and the application's class loader. The drain gets
 * the signal first, bounded by its grace period; then the process exits as the JVM would have (143 or 130,
 * running the shutdown hooks). A second signal during the drain stops at once. Where the JVM does not let
 * the signal be handled (-Xrs, another runtime), the drain becomes an ordinary shutdown hook.
 */
final class TerminationSignal {

    private static final System.Logger LOG = System.getLogger(TerminationSignal.class.getName());

    private TerminationSignal() {
    }

    static void onTermination(Runnable drain, long graceMillis) {
        Thread draining = new Thread(drain, "zintrust-drain");
        try {
            install("TERM", draining, graceMillis);
            install("INT", draining, graceMillis);
        } catch (LinkageError | IllegalArgumentException | UnsupportedOperationException notHandled) {
            LOG.log(Level.INFO, "The stop signal cannot be handled here (" + notHandled
                    + "): the drain runs as a shutdown hook, alongside the container's own shutdown");
            try {
                Runtime.getRuntime().addShutdownHook(draining);
            } catch (IllegalStateException | IllegalArgumentException alreadyStopping) {
                // the JVM is already exiting, or the hook is installed
            }
        }
    }

    private static void install(String name, Thread draining, long graceMillis) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), received -> {
            synchronized (draining) {
                if (draining.getState() != Thread.State.NEW) {
                    exit(received); // asked twice: stop now
                    return;
                }
                draining.start();
            }
            try {
                draining.join(graceMillis + TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exit(received);
        });
    }

    /** What the JVM itself does on these signals: exit with 128 + the signal's number, running the hooks. */
    private static void exit(sun.misc.Signal received) {
        Runtime.getRuntime().exit(128 + received.getNumber());
    }
}
