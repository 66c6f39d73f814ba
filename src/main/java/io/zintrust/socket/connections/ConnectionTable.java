package io.zintrust.socket.connections;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The single owner of who is connected to this instance, and of the connection limits. */
@ApplicationScoped
public class ConnectionTable {

    @Inject
    Activities activities;
    @Inject
    RemoteConnections remote;

    private final Map<String, ClientSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perApp = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /**
     * Registers a new socket unless its app (counting the other instances' sockets as well) or this
     * server ({@code serverQuota}, -1 for none) is full. Counting first and undoing on refusal keeps
     * concurrent handshakes from slipping past a quota together.
     */
    public Admission admit(ClientSocket socket, int serverQuota) {
        String appId = socket.app().id();
        int appQuota = socket.app().limits().maxConnections();
        if (appQuota >= 0) {
            appQuota = Math.max(0, appQuota - remote.elsewhere(appId));
        }
        AtomicInteger count = perApp.computeIfAbsent(appId, id -> new AtomicInteger());
        if (count.incrementAndGet() > appQuota && appQuota >= 0) {
            count.decrementAndGet();
            return Admission.APP_FULL;
        }
        if (total.incrementAndGet() > serverQuota && serverQuota >= 0) {
            total.decrementAndGet();
            count.decrementAndGet();
            return Admission.SERVER_FULL;
        }
        if (sockets.putIfAbsent(socket.socketId(), socket) != null) {
            total.decrementAndGet();
            count.decrementAndGet();
            return Admission.ID_TAKEN;
        }
        activities.emit(new Activity.ConnectionOpened(socket.app(), socket.socketId()));
        return Admission.ADMITTED;
    }

    /** Forgets the socket; true the first time only, so its state is released once. */
    public boolean remove(ClientSocket socket) {
        if (!sockets.remove(socket.socketId(), socket)) {
            return false;
        }
        perApp.get(socket.app().id()).decrementAndGet();
        total.decrementAndGet();
        activities.emit(new Activity.ConnectionClosed(socket.app(), socket.socketId(), socket.closeCode()));
        return true;
    }

    /** Sockets held per app id on this instance. */
    public Map<String, Integer> countsByApp() {
        Map<String, Integer> counts = new HashMap<>();
        perApp.forEach((appId, count) -> counts.put(appId, count.get()));
        return counts;
    }

    public Collection<ClientSocket> all() {
        return sockets.values();
    }
}
