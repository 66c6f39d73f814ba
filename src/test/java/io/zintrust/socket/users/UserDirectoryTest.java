package io.zintrust.socket.users;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.testing.AppBuilder;
import io.zintrust.socket.testing.FakeSocket;
import io.zintrust.socket.testing.Json;
import io.zintrust.socket.testing.RecordingListener;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, the user's sockets, watchlists and terminate_connections. */
class UserDirectoryTest {

    static final App APP = new App("app-1", "key-1", "secret-1");
    static final App WATCHING = AppBuilder.app("watch-app").watchlist().build();

    final RecordingListener heard = new RecordingListener();
    final UserFixture.Ledger ledger = new UserFixture.Ledger();
    final UserDirectory users = UserFixture.directory(ledger, Activities.of(heard));

    static SignedInUser user(String id, String... watchlist) {
        StringBuilder watched = new StringBuilder();
        for (String w : watchlist) {
            watched.append(watched.length() == 0 ? "" : ",").append('"').append(w).append('"');
        }
        return SignedInUser.parse("{\"id\":\"" + id + "\",\"user_info\":{\"name\":\"U" + id + "\"},\"watchlist\":["
                + watched + "]}").orElseThrow();
    }

    FakeSocket signedIn(String socketId, App app, SignedInUser user) {
        FakeSocket socket = new FakeSocket(socketId, app);
        users.signIn(socket, user);
        return socket;
    }

    /** Each watchlist frame the socket got, as "online:[ids]" or "offline:[ids]". */
    static List<String> watchlistEvents(FakeSocket socket) {
        List<String> events = new ArrayList<>();
        for (JsonObject frame : socket.sent("pusher_internal:watchlist_events")) {
            for (JsonObject event : Json.data(frame).getJsonArray("events").getValuesAs(JsonObject.class)) {
                events.add(event.getString("name") + ":" + event.getJsonArray("user_ids")
                        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
            }
        }
        return events;
    }

    @Test
    void a_sign_in_is_recorded_for_the_socket() {
        SignedInUser ada = user("7");
        FakeSocket socket = signedIn("1.1", APP, ada);
        assertSame(ada, users.userOf(socket));
        assertNull(users.userOf(new FakeSocket("1.2", APP)));
    }

    @Test
    void sockets_of_a_user_are_those_signed_in_as_it_in_its_app() {
        FakeSocket first = signedIn("1.1", APP, user("7"));
        FakeSocket second = signedIn("1.2", APP, user("7"));
        signedIn("1.3", APP, user("9"));
        signedIn("1.4", WATCHING, user("7"));
        assertEquals(List.of(first, second), users.socketsOf(APP, "7"));
        assertEquals(List.of(), users.socketsOf(APP, "nobody"));
    }

    @Test
    void signing_in_as_another_user_moves_the_socket_to_that_user() {
        FakeSocket socket = signedIn("1.1", APP, user("7"));
        SignedInUser bob = user("9");
        users.signIn(socket, bob);
        assertSame(bob, users.userOf(socket));
        assertEquals(List.of(), users.socketsOf(APP, "7"));
        assertEquals(List.of(socket), users.socketsOf(APP, "9"));
    }

    @Test
    void signing_out_forgets_the_socket() {
        FakeSocket socket = signedIn("1.1", APP, user("7"));
        FakeSocket other = signedIn("1.2", APP, user("7"));
        users.signOut(socket);
        assertNull(users.userOf(socket));
        assertEquals(List.of(other), users.socketsOf(APP, "7"));
    }

    @Test
    void a_socket_that_closed_before_signing_in_is_not_signed_in() {
        FakeSocket socket = new FakeSocket("1.1", APP);
        socket.setGone(true);
        users.signIn(socket, user("7"));
        assertNull(users.userOf(socket));
        assertEquals(List.of(), users.socketsOf(APP, "7"));
        assertTrue(heard.all().isEmpty(), heard.all().toString());
    }

    @Test
    void sign_in_and_sign_out_are_told_as_activities() {
        FakeSocket socket = signedIn("1.1", APP, user("7"));
        users.signIn(socket, user("9"));
        users.signOut(socket);
        users.signOut(socket);
        users.signOut(new FakeSocket("1.2", APP));
        assertEquals(List.of(new Activity.UserSignedIn(APP, "1.1", "7"), new Activity.UserSignedOut(APP, "1.1", "7"),
                new Activity.UserSignedIn(APP, "1.1", "9"), new Activity.UserSignedOut(APP, "1.1", "9")), heard.all());
    }

    @Test
    void a_watcher_is_told_who_of_its_watchlist_is_online_here_and_elsewhere_as_it_signs_in() {
        signedIn("1.1", WATCHING, user("a"));
        ledger.onlineElsewhere.add("b");
        FakeSocket watcher = signedIn("1.2", WATCHING, user("w", "a", "b", "c"));
        assertEquals(List.of("online:[a, b]"), watchlistEvents(watcher));
    }

    @Test
    void a_watcher_none_of_whose_users_is_online_is_told_nothing() {
        FakeSocket watcher = signedIn("1.1", WATCHING, user("w", "a", "b"));
        assertEquals(List.of(), watcher.sentEvents());
    }

    @Test
    void watchers_hear_online_at_the_users_first_socket_and_offline_at_its_last_once_each() {
        FakeSocket watcher = signedIn("1.1", WATCHING, user("w", "a"));
        FakeSocket first = signedIn("1.2", WATCHING, user("a"));
        FakeSocket second = signedIn("1.3", WATCHING, user("a"));
        assertEquals(List.of("online:[a]"), watchlistEvents(watcher));
        users.signOut(first);
        assertEquals(List.of("online:[a]"), watchlistEvents(watcher), "one socket of the user is left");
        users.signOut(second);
        assertEquals(List.of("online:[a]", "offline:[a]"), watchlistEvents(watcher));
        assertEquals(List.of(new Activity.UserPresenceChanged(WATCHING, "w", true),
                        new Activity.UserPresenceChanged(WATCHING, "a", true),
                        new Activity.UserPresenceChanged(WATCHING, "a", false)),
                heard.of(Activity.UserPresenceChanged.class));
    }

    @Test
    void a_user_is_not_announced_online_when_the_ledger_knows_it_online_elsewhere_already() {
        FakeSocket watcher = signedIn("1.1", WATCHING, user("w", "a"));
        ledger.firstAnywhere = false;
        ledger.lastAnywhere = false;
        FakeSocket a = signedIn("1.2", WATCHING, user("a"));
        users.signOut(a);
        assertEquals(List.of(), watchlistEvents(watcher));
        assertEquals(List.of(new Activity.UserPresenceChanged(WATCHING, "w", true)),
                heard.of(Activity.UserPresenceChanged.class));
    }

    @Test
    void a_watcher_that_signed_out_hears_no_more() {
        FakeSocket watcher = signedIn("1.1", WATCHING, user("w", "a"));
        users.signOut(watcher);
        signedIn("1.2", WATCHING, user("a"));
        assertEquals(List.of(), watchlistEvents(watcher));
    }

    @Test
    void without_watchlists_nobody_hears_online_or_offline_and_the_ledger_is_not_asked() {
        signedIn("1.1", APP, user("a"));
        FakeSocket watcher = signedIn("1.2", APP, user("w", "a", "b"));
        FakeSocket b = signedIn("1.3", APP, user("b"));
        users.signOut(b);
        assertEquals(List.of(), watcher.sentEvents());
        assertTrue(heard.of(Activity.UserPresenceChanged.class).isEmpty());
        assertEquals(List.of(), ledger.calls);
    }

    @Test
    void other_instances_news_of_a_user_reaches_its_watchers_here() {
        FakeSocket watcher = signedIn("1.1", WATCHING, user("w", "far"));
        heard.clear();
        users.tellWatchers(WATCHING, "far", true);
        users.tellWatchers(WATCHING, "far", false);
        users.tellWatchers(WATCHING, "unwatched", true);
        assertEquals(List.of("online:[far]", "offline:[far]"), watchlistEvents(watcher));
        assertTrue(heard.all().isEmpty(), "news from elsewhere is not told again");
    }

    @Test
    void a_user_gone_with_a_dead_instance_goes_offline_here_and_is_told() {
        FakeSocket watcher = signedIn("1.1", WATCHING, user("w", "far"));
        heard.clear();
        users.wentOfflineWithDeadInstance(WATCHING, "far");
        assertEquals(List.of("offline:[far]"), watchlistEvents(watcher));
        assertEquals(List.of(new Activity.UserPresenceChanged(WATCHING, "far", false)), heard.all());
    }

    @Test
    void terminate_closes_every_socket_of_the_user_with_4009_and_tells_it() {
        FakeSocket first = signedIn("1.1", APP, user("7"));
        FakeSocket second = signedIn("1.2", APP, user("7"));
        FakeSocket other = signedIn("1.3", APP, user("9"));
        heard.clear();
        users.terminate(APP, "7");
        for (FakeSocket socket : List.of(first, second)) {
            assertEquals(1, socket.closes().size(), socket.toString());
            assertEquals(ErrorCode.UNAUTHORIZED, socket.closes().get(0).code());
            assertEquals(4009, socket.closes().get(0).code().code());
        }
        assertEquals(List.of(), other.closes());
        assertEquals(List.of(new Activity.UserTerminated(APP, "7")), heard.all());
    }

    @Test
    void closing_a_users_sockets_for_another_instance_tells_nothing() {
        FakeSocket socket = signedIn("1.1", APP, user("7"));
        heard.clear();
        users.closeSocketsOf(APP, "7");
        assertEquals(ErrorCode.UNAUTHORIZED, socket.closes().get(0).code());
        assertEquals(List.of(), heard.all());
    }

    @Test
    void terminating_a_user_with_no_sockets_here_still_tells_the_other_instances() {
        users.terminate(APP, "nobody");
        assertEquals(List.of(new Activity.UserTerminated(APP, "nobody")), heard.all());
    }

    @Test
    void sockets_of_returns_a_copy_the_caller_may_keep() {
        FakeSocket socket = signedIn("1.1", APP, user("7"));
        List<ClientSocket> before = users.socketsOf(APP, "7");
        users.signOut(socket);
        assertEquals(List.of(socket), before);
    }

    @Test
    void a_socket_signing_in_as_another_user_takes_the_old_users_watchlist_with_it() {
        FakeSocket socket = signedIn("1.1", WATCHING, user("w", "a"));
        users.signIn(socket, user("v", "b"));
        socket.clearSent();
        signedIn("1.2", WATCHING, user("a"));
        signedIn("1.3", WATCHING, user("b"));
        assertEquals(List.of("online:[b]"), watchlistEvents(socket));
    }

    @Test
    void a_socket_signing_in_again_as_the_same_user_keeps_the_user_online_for_its_watchers() {
        FakeSocket watcher = signedIn("1.1", WATCHING, user("w", "a"));
        FakeSocket a = signedIn("1.2", WATCHING, user("a"));
        users.signIn(a, user("a"));
        assertEquals(List.of("online:[a]"), watchlistEvents(watcher));
        assertEquals(List.of(a), users.socketsOf(WATCHING, "a"));
    }

    @Test
    void signing_in_again_as_the_same_user_with_a_new_watchlist_watches_the_new_list_only() {
        FakeSocket socket = signedIn("1.1", WATCHING, user("w", "a"));
        users.signIn(socket, user("w", "b"));
        socket.clearSent();
        signedIn("1.2", WATCHING, user("a"));
        signedIn("1.3", WATCHING, user("b"));
        assertEquals(List.of("online:[b]"), watchlistEvents(socket));
    }
}
