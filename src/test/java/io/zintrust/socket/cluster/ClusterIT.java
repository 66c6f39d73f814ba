package io.zintrust.socket.cluster;

import io.zintrust.socket.support.AppsFileServer;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraCluster;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.SignedRequest;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three instances clustered on Payara's data grid over TCP on 127.0.0.1 (SOCKET_TRANSPORT=auto), each
 * with its own clients: what happens on one reaches the clients of the other, and webhooks go to a
 * receiver this test runs once per cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** One webhook POST as the receiver saw it, and what it answered. */
    record Hook(String path, String id, String body, int status) {
        List<JsonObject> events() {
            return PusherSocket.parse(body).getJsonArray("events").getValuesAs(JsonObject.class);
        }
    }

    private static final List<Hook> HOOKS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicBoolean DURABLE_FAILS =
            new java.util.concurrent.atomic.AtomicBoolean();
    private static final com.sun.net.httpserver.HttpServer RECEIVER = receiver();

    private static com.sun.net.httpserver.HttpServer receiver() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                int status = path.equals("/durable") && DURABLE_FAILS.get() ? 500 : 200;
                HOOKS.add(new Hook(path, exchange.getRequestHeaders().getFirst("Webhook-Id"), body, status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hookUrl(String path) {
        return "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + path;
    }

    @org.junit.jupiter.api.AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    private static final String ID = "cluster-app";
    private static final String KEY = "cluster-key";
    private static final String SECRET = "cluster-secret";
    private static final String APPS = """
            {"apps": [
              {"id": "cluster-app", "key": "cluster-key", "secret": "cluster-secret", "watchlist": true},
              {"id": "cluster-quota", "key": "cluster-quota-key", "secret": "cluster-quota-secret",
               "limits": {"max_connections": 3}},
              {"id": "cluster-hooks", "key": "cluster-hooks-key", "secret": "cluster-hooks-secret",
               "subscription_count": true, "webhooks": [{"url": "%s"},
                 {"url": "%s", "filter": {"channel_name_starts_with": "durable-"}}]}
            ]}
            """.formatted(hookUrl("/events"), hookUrl("/durable"));

    @RegisterExtension
    static final PayaraCluster cluster = PayaraCluster.of(3, PayaraServer.withEnvironment(
            Map.of("SOCKET_APPS_FILE", AppsFileServer.write("cluster", APPS))).readyAt("/app/" + KEY));
    private static final PayaraServer first = cluster.member(1);
    private static final PayaraServer second = cluster.member(2);
    private static final PayaraServer third = cluster.member(3);

    private PusherSocket connect(PayaraServer member) {
        return member.connect("/app/" + KEY + "?protocol=7");
    }

    private static void publish(PayaraServer member, String channel, String event, String data) {
        Http.Answer answer = Http.postJson(member.server().http("/apps/" + ID + "/events"),
                "{\"name\":\"" + event + "\",\"channel\":\"" + channel + "\",\"data\":\"" + data + "\"}",
                "Authorization", "Bearer " + SECRET);
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void both_instances_say_they_run_as_a_cluster() {
        for (PayaraServer member : List.of(first, second, third)) {
            assertTrue(member.log().contains("ZinTrust Socket transport: cluster of"), "transport line");
            assertTrue(member.log().contains("batches waiting for delivery are kept in the data grid's map"
                    + " zintrust-socket-webhooks with 1 synchronous backup(s)"), "webhook durability line");
        }
    }

    @Test
    void events_published_on_either_instance_reach_every_subscriber_once_in_each_publishers_order() {
        List<PusherSocket> subscribers = List.of(connect(first), connect(first), connect(second), connect(second));
        for (PusherSocket socket : subscribers) {
            socket.subscribe("feed");
            socket.subscribed("feed");
        }
        int each = 100;
        for (int i = 0; i < each; i++) {
            publish(first, "feed", "from-first", Integer.toString(i));
        }
        for (int i = 0; i < each; i++) {
            publish(second, "feed", "from-second", Integer.toString(i));
        }
        for (PusherSocket socket : subscribers) {
            for (int i = 0; i < each; i++) {
                assertEquals(Integer.toString(i), socket.await("from-first", "feed").getString("data"));
            }
            for (int i = 0; i < each; i++) {
                assertEquals(Integer.toString(i), socket.await("from-second", "feed").getString("data"));
            }
            socket.assertNo("from-first", "feed", Duration.ofMillis(300));
            socket.assertNo("from-second", "feed", Duration.ofMillis(1));
        }
    }

    @Test
    void an_event_published_with_a_socket_id_skips_that_socket_on_its_own_instance_only() {
        PusherSocket sender = connect(first);
        PusherSocket elsewhere = connect(second);
        for (PusherSocket socket : List.of(sender, elsewhere)) {
            socket.subscribe("except");
            socket.subscribed("except");
        }
        Http.Answer answer = Http.postJson(second.server().http("/apps/" + ID + "/events"),
                "{\"name\":\"news\",\"channel\":\"except\",\"data\":\"x\",\"socket_id\":\"" + sender.socketId() + "\"}",
                "Authorization", "Bearer " + SECRET);
        assertEquals(200, answer.status(), answer.body());
        elsewhere.await("news", "except");
        sender.assertNo("news", "except", Duration.ofMillis(500));
    }

    @Test
    void a_client_event_reaches_subscribers_on_the_other_instance_but_not_its_sender() {
        PusherSocket sender = connect(first);
        PusherSocket receiver = connect(second);
        for (PusherSocket socket : List.of(sender, receiver)) {
            String auth = KEY + ":" + SignedRequest.hmac(SECRET, socket.socketId() + ":private-room");
            socket.subscribe("private-room", auth, null);
            socket.subscribed("private-room");
        }
        sender.send("{\"event\":\"client-typing\",\"channel\":\"private-room\",\"data\":{\"who\":\"ann\"}}");
        JsonObject typing = receiver.await("client-typing", "private-room");
        assertEquals("ann", PusherSocket.data(typing).getString("who"));
        sender.assertNo("client-typing", "private-room", Duration.ofMillis(300));
    }

    @Test
    void terminating_a_user_on_one_instance_closes_that_users_sockets_on_the_other_with_4009() {
        PusherSocket user = connect(first);
        user.signin(KEY, SECRET, "{\"id\":\"terminate-me\"}");
        user.await("pusher:signin_success");
        Http.Answer answer = Http.postJson(second.server().http("/apps/" + ID + "/users/terminate-me/terminate_connections"),
                "{}", "Authorization", "Bearer " + SECRET);
        assertEquals(200, answer.status(), answer.body());
        CloseReason reason = user.awaitClose();
        assertEquals(4009, reason.getCloseCode().getCode());
    }

    @Test
    void a_server_to_user_event_reaches_the_user_signed_in_on_the_other_instance() {
        PusherSocket user = connect(second);
        user.signin(KEY, SECRET, "{\"id\":\"dm-user\"}");
        user.await("pusher:signin_success");
        publish(first, "#server-to-user-dm-user", "direct", "hello");
        assertEquals("hello", user.await("direct", "#server-to-user-dm-user").getString("data"));
    }

    @Test
    void the_last_event_of_a_cache_channel_published_on_one_instance_is_replayed_on_the_other() {
        publish(first, "cache-scores", "score", "3-1");
        PusherSocket late = connect(second);
        late.subscribe("cache-scores");
        late.subscribed("cache-scores");
        assertEquals("3-1", late.await("score", "cache-scores").getString("data"));
    }

    private PusherSocket present(PayaraServer member, String channel, String userId) {
        PusherSocket socket = connect(member);
        String channelData = "{\"user_id\":\"" + userId + "\",\"user_info\":{\"name\":\"" + userId + "\"}}";
        String auth = KEY + ":" + SignedRequest.hmac(SECRET, socket.socketId() + ":" + channel + ":" + channelData);
        socket.subscribe(channel, auth, channelData);
        return socket;
    }

    private static int memberCount(JsonObject subscriptionSucceeded) {
        return PusherSocket.data(subscriptionSucceeded).getJsonObject("presence").getInt("count");
    }

    @Test
    void a_users_first_socket_anywhere_is_announced_once_and_its_last_socket_anywhere_once() {
        String channel = "presence-lobby";
        PusherSocket watcherOnFirst = present(first, channel, "watcher-1");
        watcherOnFirst.subscribed(channel);
        PusherSocket watcherOnSecond = present(second, channel, "watcher-2");
        assertEquals(2, memberCount(watcherOnSecond.subscribed(channel)), "roster across instances");
        assertEquals("watcher-2", PusherSocket.data(watcherOnFirst.await("pusher_internal:member_added", channel))
                .getString("user_id"));

        PusherSocket annOnFirst = present(first, channel, "ann");
        annOnFirst.subscribed(channel);
        for (PusherSocket watcher : List.of(watcherOnFirst, watcherOnSecond)) {
            assertEquals("ann", PusherSocket.data(watcher.await("pusher_internal:member_added", channel))
                    .getString("user_id"));
        }
        PusherSocket annOnSecond = present(second, channel, "ann");
        assertEquals(3, memberCount(annOnSecond.subscribed(channel)), "ann counted once");
        for (PusherSocket watcher : List.of(watcherOnFirst, watcherOnSecond)) {
            watcher.assertNo("pusher_internal:member_added", channel, Duration.ofMillis(500));
        }

        Http.Answer users = Http.send(java.net.http.HttpRequest.newBuilder(first.server().http("/apps/" + ID
                + "/channels/" + channel + "/users")).header("Authorization", "Bearer " + SECRET));
        assertEquals(200, users.status(), users.body());
        for (String id : List.of("watcher-1", "watcher-2", "ann")) {
            assertTrue(users.body().contains("\"" + id + "\""), users.body());
        }

        annOnFirst.close();
        for (PusherSocket watcher : List.of(watcherOnFirst, watcherOnSecond)) {
            watcher.assertNo("pusher_internal:member_removed", channel, Duration.ofMillis(700));
        }
        annOnSecond.close();
        for (PusherSocket watcher : List.of(watcherOnFirst, watcherOnSecond)) {
            assertEquals("ann", PusherSocket.data(watcher.await("pusher_internal:member_removed", channel))
                    .getString("user_id"));
        }
    }

    private static JsonObject query(PayaraServer member, String pathAndQuery) {
        Http.Answer answer = Http.send(java.net.http.HttpRequest.newBuilder(member.server().http("/apps/" + ID
                + pathAndQuery)).header("Authorization", "Bearer " + SECRET));
        assertEquals(200, answer.status(), answer.body());
        return PusherSocket.parse(answer.body());
    }

    @Test
    void channel_queries_on_either_instance_count_the_subscribers_and_users_of_both() {
        PusherSocket onFirst = connect(first);
        onFirst.subscribe("counted");
        onFirst.subscribed("counted");
        PusherSocket onSecond = connect(second);
        onSecond.subscribe("counted");
        onSecond.subscribed("counted");
        PusherSocket onlySecond = connect(second);
        onlySecond.subscribe("only-on-second");
        onlySecond.subscribed("only-on-second");
        present(first, "presence-counted", "u-a").subscribed("presence-counted");
        present(second, "presence-counted", "u-b").subscribed("presence-counted");

        for (PayaraServer member : List.of(first, second)) {
            JsonObject channel = query(member, "/channels/counted?info=subscription_count");
            assertTrue(channel.getBoolean("occupied"), channel.toString());
            assertEquals(2, channel.getInt("subscription_count"), channel.toString());
            JsonObject presence = query(member, "/channels/presence-counted?info=user_count,subscription_count");
            assertEquals(2, presence.getInt("user_count"), presence.toString());
            assertEquals(2, presence.getInt("subscription_count"), presence.toString());
        }
        JsonObject listed = query(first, "/channels");
        assertTrue(listed.getJsonObject("channels").containsKey("only-on-second"), listed.toString());
        JsonObject presenceChannels = query(first, "/channels?filter_by_prefix=presence-&info=user_count");
        assertEquals(2, presenceChannels.getJsonObject("channels").getJsonObject("presence-counted").getInt("user_count"),
                presenceChannels.toString());
    }

    @Test
    void under_steady_load_published_round_robin_to_three_instances_every_subscriber_gets_every_event_once() {
        List<PayaraServer> members = List.of(first, second, third);
        List<PusherSocket> subscribers = new ArrayList<>();
        for (PayaraServer member : members) {
            for (int i = 0; i < 3; i++) {
                PusherSocket socket = connect(member);
                socket.subscribe("load");
                socket.subscribed("load");
                subscribers.add(socket);
            }
        }
        int events = 1000;
        for (int i = 0; i < events; i++) {
            publish(members.get(i % 3), "load", "tick", Integer.toString(i));
        }
        for (PusherSocket socket : subscribers) {
            int[] lastFrom = {-1, -1, -1};
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int n = 0; n < events; n++) {
                int i = Integer.parseInt(socket.await("tick", "load").getString("data"));
                assertTrue(seen.add(i), "event " + i + " delivered twice");
                assertTrue(i > lastFrom[i % 3], "events through one instance arrive in publish order");
                lastFrom[i % 3] = i;
            }
            socket.assertNo("tick", "load", Duration.ofMillis(200));
        }
    }

    @Test
    void an_apps_connection_limit_counts_the_sockets_of_every_instance() throws InterruptedException {
        List<PusherSocket> admitted = new ArrayList<>();
        for (PayaraServer member : List.of(first, second, third)) {
            PusherSocket socket = member.connect("/app/cluster-quota-key?protocol=7");
            admitted.add(socket);
        }
        Thread.sleep(2500); // the instances exchange their counts once a second
        for (PayaraServer member : List.of(first, second)) {
            PusherSocket refused = member.open("/app/cluster-quota-key?protocol=7");
            assertEquals(4004, refused.awaitClose().getCloseCode().getCode(), "over the app's quota of 3");
        }
        admitted.get(0).close();
        Thread.sleep(2500);
        PusherSocket again = second.connect("/app/cluster-quota-key?protocol=7");
        again.assertAlive();
    }

    private static List<String> watchUsers(JsonObject frame, String state) {
        List<String> ids = new ArrayList<>();
        for (var event : PusherSocket.data(frame).getJsonArray("events")) {
            if (state.equals(event.asJsonObject().getString("name"))) {
                event.asJsonObject().getJsonArray("user_ids").forEach(id -> ids.add(((jakarta.json.JsonString) id).getString()));
            }
        }
        return ids;
    }

    private PusherSocket signedIn(PayaraServer member, String userData) {
        PusherSocket socket = connect(member);
        socket.signin(KEY, SECRET, userData);
        socket.await("pusher:signin_success");
        return socket;
    }

    @Test
    void watchers_hear_a_user_come_online_and_go_offline_once_whichever_instances_hold_its_sockets() {
        PusherSocket watcher = signedIn(first, "{\"id\":\"watcher\",\"watchlist\":[\"friend\"]}");
        PusherSocket friendOnSecond = signedIn(second, "{\"id\":\"friend\"}");
        assertEquals(List.of("friend"), watchUsers(watcher.await("pusher_internal:watchlist_events"), "online"));
        PusherSocket friendOnThird = signedIn(third, "{\"id\":\"friend\"}");
        watcher.assertNo("pusher_internal:watchlist_events", null, Duration.ofMillis(500));

        PusherSocket lateWatcher = signedIn(third, "{\"id\":\"late-watcher\",\"watchlist\":[\"friend\",\"nobody\"]}");
        assertEquals(List.of("friend"), watchUsers(lateWatcher.await("pusher_internal:watchlist_events"), "online"),
                "the initial online list counts every instance");

        friendOnSecond.close();
        watcher.assertNo("pusher_internal:watchlist_events", null, Duration.ofMillis(500));
        friendOnThird.close();
        for (PusherSocket socket : List.of(watcher, lateWatcher)) {
            assertEquals(List.of("friend"), watchUsers(socket.await("pusher_internal:watchlist_events"), "offline"));
        }
    }

    private static List<JsonObject> delivered(String path, String channel) {
        List<JsonObject> events = new ArrayList<>();
        for (Hook hook : HOOKS) {
            if (hook.path().equals(path) && hook.status() == 200) {
                hook.events().stream().filter(e -> channel.equals(e.getString("channel"))).forEach(events::add);
            }
        }
        return events;
    }

    private static long count(List<JsonObject> events, String name) {
        return events.stream().filter(e -> name.equals(e.getString("name"))).count();
    }

    private static void awaitHooks(java.util.function.BooleanSupplier done, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                org.junit.jupiter.api.Assertions.fail("Webhooks never showed " + what + "; received "
                        + HOOKS.stream().map(h -> h.path() + " " + h.status() + " " + h.body()).toList());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private PusherSocket hooked(PayaraServer member) {
        return member.connect("/app/cluster-hooks-key?protocol=7");
    }

    @Test
    void a_channel_subscribed_on_every_instance_is_occupied_once_and_vacated_once_with_the_clusters_count()
            throws InterruptedException {
        String channel = "hooked-room";
        List<PusherSocket> sockets = new ArrayList<>();
        for (PayaraServer member : List.of(first, second, third)) {
            PusherSocket socket = hooked(member);
            socket.subscribe(channel);
            socket.subscribed(channel);
            sockets.add(socket);
        }
        awaitHooks(() -> delivered("/events", channel).stream().anyMatch(e -> "subscription_count".equals(e.getString("name"))
                && e.getInt("subscription_count") == 3), Duration.ofSeconds(10), "a subscription_count of 3");
        sockets.forEach(PusherSocket::close);
        awaitHooks(() -> count(delivered("/events", channel), "channel_vacated") == 1, Duration.ofSeconds(10),
                "channel_vacated");
        Thread.sleep(1000); // room for a second occupied or vacated, which must not come
        List<JsonObject> events = delivered("/events", channel);
        // batches of different instances may arrive in either order: the counts are what is certain
        assertEquals(1, count(events, "channel_occupied"), events.toString());
        assertEquals(1, count(events, "channel_vacated"), events.toString());
        assertEquals(3, events.stream().filter(e -> "subscription_count".equals(e.getString("name")))
                .mapToInt(e -> e.getInt("subscription_count")).max().orElse(0), events.toString());
    }

    @Test
    void a_user_present_on_two_instances_is_added_once_and_removed_once_in_the_webhooks()
            throws InterruptedException {
        String channel = "presence-hooked";
        List<PusherSocket> sockets = new ArrayList<>();
        for (PayaraServer member : List.of(first, second)) {
            PusherSocket socket = hooked(member);
            String channelData = "{\"user_id\":\"ann\"}";
            String auth = "cluster-hooks-key:" + SignedRequest.hmac("cluster-hooks-secret",
                    socket.socketId() + ":" + channel + ":" + channelData);
            socket.subscribe(channel, auth, channelData);
            socket.subscribed(channel);
            sockets.add(socket);
        }
        awaitHooks(() -> count(delivered("/events", channel), "member_added") == 1, Duration.ofSeconds(10),
                "member_added");
        sockets.forEach(PusherSocket::close);
        awaitHooks(() -> count(delivered("/events", channel), "channel_vacated") == 1, Duration.ofSeconds(10),
                "channel_vacated");
        Thread.sleep(1000);
        List<String> names = delivered("/events", channel).stream().map(e -> e.getString("name")).toList();
        assertEquals(4, names.size(), names.toString());
        // the first socket's instance decided both, in this order; the two closes raced on two instances
        assertEquals(List.of("channel_occupied", "member_added"), names.subList(0, 2));
        assertEquals(Set.of("member_removed", "channel_vacated"), Set.copyOf(names.subList(2, 4)));
        assertTrue(delivered("/events", channel).stream().filter(e -> e.getString("name").startsWith("member_"))
                .allMatch(e -> "ann".equals(e.getString("user_id"))));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void when_an_instance_dies_its_members_leave_everywhere_within_30_seconds_and_a_restarted_one_rejoins() {
        String channel = "presence-crash";
        PusherSocket survivor = present(first, channel, "stays");
        survivor.subscribed(channel);
        PusherSocket watcher = present(second, channel, "watches");
        watcher.subscribed(channel);
        PusherSocket doomed = present(third, channel, "doomed");
        doomed.subscribed(channel);
        survivor.await(frame -> "pusher_internal:member_added".equals(frame.getString("event", ""))
                && "doomed".equals(PusherSocket.data(frame).getString("user_id")), "doomed joined");
        // a webhook batch the doomed instance made and cannot deliver (its receiver answers 500)
        DURABLE_FAILS.set(true);
        PusherSocket durable = hooked(third);
        durable.subscribe("durable-crash");
        durable.subscribed("durable-crash");
        java.util.function.Predicate<Hook> occupiedCrash = hook -> hook.path().equals("/durable")
                && hook.events().stream().anyMatch(e -> "durable-crash".equals(e.getString("channel"))
                && "channel_occupied".equals(e.getString("name")));
        awaitHooks(() -> HOOKS.stream().anyMatch(occupiedCrash), Duration.ofSeconds(10), "a failed attempt");
        String batchId = HOOKS.stream().filter(occupiedCrash).findFirst().orElseThrow().id();
        third.kill();
        int attemptsBeforeKill = (int) HOOKS.stream().filter(h -> batchId.equals(h.id())).count();
        long start = System.nanoTime();
        for (PusherSocket socket : List.of(survivor, watcher)) {
            JsonObject removed = socket.await(frame -> "pusher_internal:member_removed".equals(frame.getString("event", ""))
                    && channel.equals(frame.getString("channel", null)), "member_removed after the crash",
                    Duration.ofSeconds(30));
            assertEquals("doomed", PusherSocket.data(removed).getString("user_id"));
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
        // a survivor took the batch over: it retries it (still failing), then delivers it once the receiver recovers
        awaitHooks(() -> HOOKS.stream().filter(h -> batchId.equals(h.id())).count() > attemptsBeforeKill + 1,
                Duration.ofSeconds(40), "batch " + batchId + " retried by a survivor");
        DURABLE_FAILS.set(false);
        awaitHooks(() -> HOOKS.stream().anyMatch(h -> batchId.equals(h.id()) && h.status() == 200),
                Duration.ofSeconds(70), "batch " + batchId + " delivered by a survivor");
        awaitHooks(() -> count(delivered("/durable", "durable-crash"), "channel_vacated") >= 1, Duration.ofSeconds(70),
                "channel_vacated for the dead instance's channel");
        PusherSocket late = present(first, channel, "late");
        assertEquals(3, memberCount(late.subscribed(channel)), "stays, watches and late");
        JsonObject counted = query(second, "/channels/" + channel + "?info=user_count");
        assertEquals(3, counted.getInt("user_count"), counted.toString());

        third.restart();
        third.awaitLog(line -> line.contains("DG Size: 3"), Duration.ofSeconds(90));
        PusherSocket onRestarted = connect(third);
        onRestarted.subscribe("after-restart");
        onRestarted.subscribed("after-restart");
        survivor.subscribe("after-restart");
        survivor.subscribed("after-restart");
        publish(third, "after-restart", "hello", "again");
        assertEquals("again", survivor.await("hello", "after-restart").getString("data"));
        publish(first, "after-restart", "hello", "back");
        assertEquals("again", onRestarted.await("hello", "after-restart").getString("data"));
        assertEquals("back", onRestarted.await("hello", "after-restart").getString("data"));
    }
}
