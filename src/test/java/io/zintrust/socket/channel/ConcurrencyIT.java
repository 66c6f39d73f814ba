package io.zintrust.socket.channel;

import com.pusher.rest.data.PresenceUser;
import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscribes, unsubscribes, publishes and closes at the same time from many threads, then checks
 * that nothing leaked and that a steady subscriber got every event exactly once, in order.
 */
class ConcurrencyIT extends ArquillianIT {

    private static final List<String> CHANNELS = List.of("churn-a", "churn-b", "presence-churn-a", "presence-churn-b");
    private static final int WORKERS = 12;
    private static final int ROUNDS = 25;
    private static final int EVENTS = 300;

    @Test
    void concurrent_subscribe_unsubscribe_publish_and_close_leave_no_stale_state_and_lose_no_event() throws Exception {
        PusherSocket observer = subscribedTo("churn-a");
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        AtomicBoolean churning = new AtomicBoolean(true);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            work.add(pool.submit(() -> {
                for (int round = 0; round < ROUNDS && churning.get(); round++) {
                    PusherSocket opened = PusherSocket.connect(server.ws("/app/" + TestApp.KEY));
                    try (PusherSocket socket = opened) {
                        for (String channel : CHANNELS) {
                            if (channel.startsWith("presence-")) {
                                socket.subscribeWith(channel, pusher.authenticate(socket.socketId(), channel,
                                        new PresenceUser("u" + (worker % 4))));
                            } else {
                                socket.subscribe(channel);
                            }
                        }
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            socket.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + CHANNELS.get(round % 4) + "\"}}");
                        }
                        // half of the sockets close while their subscriptions may still be in flight
                        if (round % 2 == 0) {
                            socket.subscribed(CHANNELS.get(3));
                        }
                    }
                }
                return null;
            }));
        }
        Future<?> publisher = pool.submit(() -> {
            for (int i = 0; i < EVENTS; i++) {
                Http.Answer answer = Http.postJson(server.http("/apps/" + TestApp.ID + "/events"),
                        "{\"name\":\"seq\",\"channels\":[\"churn-a\",\"churn-b\"],\"data\":\"" + i + "\"}",
                        "Authorization", "Bearer " + TestApp.SECRET);
                assertEquals(200, answer.status(), answer.body());
            }
            return null;
        });
        publisher.get(120, TimeUnit.SECONDS);
        for (Future<?> future : work) {
            future.get(120, TimeUnit.SECONDS);
        }
        churning.set(false);
        pool.shutdown();

        for (int i = 0; i < EVENTS; i++) {
            assertEquals(Integer.toString(i), observer.await("seq", "churn-a").getString("data"), "event order");
        }
        observer.assertNo("seq", "churn-a", java.time.Duration.ofMillis(500));

        // every churned socket is closed: only the observer may remain anywhere
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonObject counts;
        do {
            counts = Http.postJson(server.http("/apps/" + TestApp.ID + "/events"),
                    "{\"name\":\"probe\",\"channels\":[\"churn-a\",\"churn-b\"],\"data\":\"x\",\"info\":\"subscription_count\"}",
                    "Authorization", "Bearer " + TestApp.SECRET).json().getJsonObject("channels");
        } while ((counts.getJsonObject("churn-a").getInt("subscription_count") != 1
                || counts.getJsonObject("churn-b").getInt("subscription_count") != 0)
                && System.nanoTime() < deadline && pause());
        assertEquals(1, counts.getJsonObject("churn-a").getInt("subscription_count"));
        assertEquals(0, counts.getJsonObject("churn-b").getInt("subscription_count"));
        for (String presence : List.of("presence-churn-a", "presence-churn-b")) {
            JsonObject stats = Http.postJson(server.http("/apps/" + TestApp.ID + "/events"),
                    "{\"name\":\"probe\",\"channel\":\"" + presence + "\",\"data\":\"x\",\"info\":\"user_count,subscription_count\"}",
                    "Authorization", "Bearer " + TestApp.SECRET).json().getJsonObject("channels").getJsonObject(presence);
            assertEquals(0, stats.getInt("user_count"), presence + " " + stats);
            assertEquals(0, stats.getInt("subscription_count"), presence + " " + stats);
            PusherSocket fresh = joined(presence, new PresenceUser("fresh"));
            fresh.close();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
