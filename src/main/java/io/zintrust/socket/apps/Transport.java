package io.zintrust.socket.apps;

/** Where fan-out happens: this process only, the cluster, or whichever the server offers. */
public enum Transport {
    AUTO, NODE, CLUSTER
}
