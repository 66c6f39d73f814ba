package io.zintrust.socket.lifecycle;

/** What the cluster tells readiness: whether this instance is in the data grid, and with how many. */
public interface GridMembership {

    /** The transport in use: {@code node} (this instance only) or {@code cluster}. */
    String transport();

    /** False while a clustered instance is not (or no longer) a member of the grid. */
    boolean joined();

    /** Instances in the cluster, this one included; 1 when not clustered. */
    int instances();
}
