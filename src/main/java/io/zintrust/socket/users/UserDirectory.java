package io.zintrust.socket.users;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.connection.Connection;
import io.zintrust.socket.connection.OutboundFrame;
import io.zintrust.socket.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is signed in where, per app, and who watches whom: the single owner of user state, as the
 * channel registry is of channel state. A user is online while at least one of its sockets is signed in.
 * Frames are queued under the directory's lock and flushed after it, like the registry does.
 */
@ApplicationScoped
public class UserDirectory {

    private record UserKey(String appId, String userId) {
    }

    @Inject
    OnlineLedger ledger;

    private final Map<UserKey, Set<Connection>> sockets = new HashMap<>();
    private final Map<UserKey, Set<Connection>> watchers = new HashMap<>();

    /** Records a sign-in; with watchlists on, tells the socket who is online and its watchers that it is. */
    public void signIn(Connection connection, SignedInUser user) {
        List<Connection> told = new ArrayList<>();
        synchronized (this) {
            if (connection.isGone()) {
                return; // closed meanwhile: signOut may already have run
            }
            if (connection.user() != null) {
                leave(connection, told);
            }
            connection.signedIn(user);
            String appId = connection.app().id();
            Set<Connection> own = sockets.computeIfAbsent(new UserKey(appId, user.id()), k -> new LinkedHashSet<>());
            boolean cameOnline = own.isEmpty();
            own.add(connection);
            if (connection.app().features().watchlist()) {
                List<String> online = new ArrayList<>();
                Set<String> elsewhere = ledger.onlineAnywhere(appId, user.watchlist());
                for (String watched : user.watchlist()) {
                    UserKey key = new UserKey(appId, watched);
                    watchers.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(connection);
                    if (sockets.containsKey(key) || elsewhere.contains(watched)) {
                        online.add(watched);
                    }
                }
                if (!online.isEmpty()) {
                    connection.enqueue(Frames.watchlistEvent("online", online));
                    told.add(connection);
                }
                if (cameOnline && ledger.cameOnline(appId, user.id())) {
                    tellWatchers(new UserKey(appId, user.id()), "online", told);
                    ledger.tellWatchersElsewhere(appId, user.id(), "online");
                }
            }
        }
        told.forEach(Connection::flush);
    }

    /** Forgets a closed socket; its user goes offline for its watchers when this was its last socket. */
    public void signOut(Connection connection) {
        List<Connection> told = new ArrayList<>();
        synchronized (this) {
            if (connection.user() == null) {
                return;
            }
            leave(connection, told);
        }
        told.forEach(Connection::flush);
    }

    private void leave(Connection connection, List<Connection> told) {
        SignedInUser user = connection.user();
        String appId = connection.app().id();
        UserKey key = new UserKey(appId, user.id());
        Set<Connection> own = sockets.get(key);
        if (own == null || !own.remove(connection)) {
            return;
        }
        for (String watched : user.watchlist()) {
            UserKey watchedKey = new UserKey(appId, watched);
            Set<Connection> set = watchers.get(watchedKey);
            if (set != null && set.remove(connection) && set.isEmpty()) {
                watchers.remove(watchedKey);
            }
        }
        if (own.isEmpty()) {
            sockets.remove(key);
            if (connection.app().features().watchlist() && ledger.wentOffline(appId, user.id())) {
                tellWatchers(key, "offline", told);
                ledger.tellWatchersElsewhere(appId, user.id(), "offline");
            }
        }
    }

    private void tellWatchers(UserKey key, String name, List<Connection> told) {
        Set<Connection> watching = watchers.get(key);
        if (watching == null) {
            return;
        }
        OutboundFrame frame = OutboundFrame.of(Frames.watchlistEvent(name, List.of(key.userId())));
        for (Connection watcher : watching) {
            watcher.enqueue(frame);
            told.add(watcher);
        }
    }

    /** A user went online or offline on another instance: its watchers here hear it. */
    public void watchEvent(App app, String userId, String state) {
        List<Connection> told = new ArrayList<>();
        synchronized (this) {
            tellWatchers(new UserKey(app.id(), userId), state, told);
        }
        told.forEach(Connection::flush);
    }

    /** Every socket signed in as this user of this app. */
    public synchronized List<Connection> socketsOf(App app, String userId) {
        Set<Connection> own = sockets.get(new UserKey(app.id(), userId));
        return own == null ? List.of() : List.copyOf(own);
    }
}
