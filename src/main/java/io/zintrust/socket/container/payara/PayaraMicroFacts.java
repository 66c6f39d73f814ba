package io.zintrust.socket.container.payara;

import java.util.Optional;

/** What Payara Micro says about how it was started, read through its public runtime class. */
public final class PayaraMicroFacts {

    private PayaraMicroFacts() {
    }

    /**
     * Whether Payara Micro runs with clustering on. Payara Micro starts a data-grid member even with
     * {@code --nocluster} (one that joins nobody), so the member alone does not tell. Empty elsewhere.
     */
    public static Optional<Boolean> clustering() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object instance = micro.getMethod("getInstance").invoke(null);
            return Optional.of(!(Boolean) micro.getMethod("isNoCluster").invoke(instance));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notMicro) {
            return Optional.empty();
        }
    }
}
