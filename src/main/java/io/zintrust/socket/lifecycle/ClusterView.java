package io.zintrust.socket.lifecycle;

/**
 * What the cluster tells operations: for readiness, whether this instance is in the data grid and with
 * how many; for metrics, the messages it exchanged per app.
 */
public interface ClusterView {

    /** The transport in use: {@code node} (this instance only) or {@code cluster}. */
    String transport();

    /** False while a clustered instance is not (or no longer) a member of the grid. */
    boolean joined();

    /** Instances in the cluster, this one included; 1 when not clustered. */
    int instances();

    /** Messages about the app this instance received from the others. */
    long messagesIn(String appId);

    /** Messages about the app this instance handed to the others. */
    long messagesOut(String appId);
}
