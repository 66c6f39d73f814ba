package io.zintrust.socket.users;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.activity.Sequencer;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.OutboundFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in where, per app, and who watches whom: the single owner of user state. A user is
 * online while at least one of its sockets is signed in. Local changes happen under the directory's
 * lock; whether a user's first or last socket here is the first or last anywhere is asked of the
 * {@link OnlineLedger} afterwards, in order per user and with no lock held.
 */
@ApplicationScoped
public class UserDirectory {

    private record UserKey(String appId, String userId) {
    }

    @Inject
    OnlineLedger ledger;
    @Inject
    Activities activities;

    private final Map<ClientSocket, SignedInUser> signedIn = new ConcurrentHashMap<>();
    private final Map<UserKey, Set<ClientSocket>> sockets = new HashMap<>();
    private final Map<UserKey, Set<ClientSocket>> watchers = new HashMap<>();
    private final Sequencer followUps = new Sequencer(64);

    /** True when every follow-up of sign-ins and sign-outs queued so far has run. */
    public boolean settled() {
        return followUps.idle();
    }

    /** The user the socket signed in as, or null. */
    public SignedInUser userOf(ClientSocket socket) {
        return signedIn.get(socket);
    }

    /** Records a sign-in; with watchlists on, tells the socket who is online and its watchers that it is. */
    public void signIn(ClientSocket socket, SignedInUser user) {
        App app = socket.app();
        UserKey key = new UserKey(app.id(), user.id());
        SignedInUser signedOut;
        synchronized (this) {
            if (socket.isGone()) {
                return; // closed meanwhile: signOut may already have run
            }
            SignedInUser previous = signedIn.get(socket);
            if (previous != null && previous.id().equals(user.id())) {
                stopWatching(socket, previous); // the user stays online: only its watchlist may change
                signedOut = null;
            } else {
                signedOut = leave(socket);
            }
            signedIn.put(socket, user);
            Set<ClientSocket> own = sockets.computeIfAbsent(key, k -> new LinkedHashSet<>());
            boolean firstHere = own.isEmpty();
            own.add(socket);
            if (app.features().watchlist()) {
                List<String> onlineHere = new ArrayList<>();
                for (String watched : user.watchlist()) {
                    UserKey watchedKey = new UserKey(app.id(), watched);
                    watchers.computeIfAbsent(watchedKey, k -> new LinkedHashSet<>()).add(socket);
                    if (sockets.containsKey(watchedKey)) {
                        onlineHere.add(watched);
                    }
                }
                followUps.enqueue(key, () -> announceSignIn(socket, user, onlineHere, firstHere));
            }
        }
        if (signedOut != null) {
            activities.emit(new Activity.UserSignedOut(app, socket.socketId(), signedOut.id()));
        }
        activities.emit(new Activity.UserSignedIn(app, socket.socketId(), user.id()));
        drain(signedOut, app);
        followUps.drain(key);
    }

    private void announceSignIn(ClientSocket socket, SignedInUser user, List<String> onlineHere, boolean firstHere) {
        Set<String> online = new LinkedHashSet<>();
        Set<String> elsewhere = ledger.onlineAnywhere(socket.app().id(), user.watchlist());
        for (String watched : user.watchlist()) {
            if (onlineHere.contains(watched) || elsewhere.contains(watched)) {
                online.add(watched);
            }
        }
        if (!online.isEmpty()) {
            socket.send(Frames.watchlistEvent("online", online));
        }
        if (firstHere && ledger.cameOnline(socket.app().id(), user.id())) {
            tellWatchers(socket.app(), user.id(), true);
            activities.emit(new Activity.UserPresenceChanged(socket.app(), user.id(), true));
        }
    }

    /** Forgets a closed socket; its user goes offline for its watchers when this was its last socket. */
    public void signOut(ClientSocket socket) {
        SignedInUser previous;
        synchronized (this) {
            previous = leave(socket);
        }
        if (previous != null) {
            activities.emit(new Activity.UserSignedOut(socket.app(), socket.socketId(), previous.id()));
            drain(previous, socket.app());
        }
    }

    private void drain(SignedInUser user, App app) {
        if (user != null) {
            followUps.drain(new UserKey(app.id(), user.id()));
        }
    }

    /** The locked part of a sign-out; the user the socket was signed in as, or null. */
    private SignedInUser leave(ClientSocket socket) {
        SignedInUser user = signedIn.remove(socket);
        if (user == null) {
            return null;
        }
        App app = socket.app();
        UserKey key = new UserKey(app.id(), user.id());
        Set<ClientSocket> own = sockets.get(key);
        if (own == null || !own.remove(socket)) {
            return user;
        }
        stopWatching(socket, user);
        if (own.isEmpty()) {
            sockets.remove(key);
            if (app.features().watchlist()) {
                followUps.enqueue(key, () -> {
                    if (ledger.wentOffline(app.id(), user.id())) {
                        tellWatchers(app, user.id(), false);
                        activities.emit(new Activity.UserPresenceChanged(app, user.id(), false));
                    }
                });
            }
        }
        return user;
    }

    private void stopWatching(ClientSocket socket, SignedInUser user) {
        for (String watched : user.watchlist()) {
            UserKey watchedKey = new UserKey(socket.app().id(), watched);
            Set<ClientSocket> set = watchers.get(watchedKey);
            if (set != null && set.remove(socket) && set.isEmpty()) {
                watchers.remove(watchedKey);
            }
        }
    }

    /** Tells the user's watchers on this instance that it went online or offline (also for other instances' news). */
    public void tellWatchers(App app, String userId, boolean online) {
        List<ClientSocket> told = new ArrayList<>();
        synchronized (this) {
            Set<ClientSocket> watching = watchers.get(new UserKey(app.id(), userId));
            if (watching == null) {
                return;
            }
            OutboundFrame frame = OutboundFrame.of(Frames.watchlistEvent(online ? "online" : "offline", List.of(userId)));
            for (ClientSocket watcher : watching) {
                watcher.enqueue(frame);
                told.add(watcher);
            }
        }
        told.forEach(ClientSocket::flush);
    }

    /** A user of a dead instance went offline everywhere: its watchers here hear it, and the others are told. */
    public void wentOfflineWithDeadInstance(App app, String userId) {
        tellWatchers(app, userId, false);
        activities.emit(new Activity.UserPresenceChanged(app, userId, false));
    }

    /** Every socket signed in as this user of this app. */
    public synchronized List<ClientSocket> socketsOf(App app, String userId) {
        Set<ClientSocket> own = sockets.get(new UserKey(app.id(), userId));
        return own == null ? List.of() : List.copyOf(own);
    }

    /** terminate_connections: closes the user's sockets here with 4009, and tells the other instances. */
    public void terminate(App app, String userId) {
        closeSocketsOf(app, userId);
        activities.emit(new Activity.UserTerminated(app, userId));
    }

    /** Closes the user's sockets on this instance with 4009, so clients do not reconnect on their own. */
    public void closeSocketsOf(App app, String userId) {
        for (ClientSocket socket : socketsOf(app, userId)) {
            socket.closeWith(ErrorCode.UNAUTHORIZED, "Connection terminated: the app ended the sessions of user "
                    + userId);
        }
    }
}
