package io.zintrust.socket.connections;

/** Sockets the other instances of a cluster hold, so per-app connection limits count all of them. */
public interface RemoteConnections {

    /** The other instances' sockets of the app, as recently as known; 0 when running alone. */
    int elsewhere(String appId);
}
