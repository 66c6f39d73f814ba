package io.zintrust.socket.interop;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.util.HttpChannelAuthorizer;
import com.pusher.rest.data.PresenceUser;
import io.zintrust.socket.support.ArquillianIT;
import io.zintrust.socket.support.SignedRequest;
import io.zintrust.socket.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official pusher-java-client (pusher-websocket-java) against the deployed WAR. */
class PusherJavaClientIT extends ArquillianIT {

    private final List<Pusher> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(Pusher::disconnect);
    }

    private Pusher client(com.pusher.client.ChannelAuthorizer authorizer) throws InterruptedException {
        PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false)
                .setChannelAuthorizer(authorizer);
        Pusher client = new Pusher(TestApp.KEY, options);
        clients.add(client);
        CountDownLatch connected = new CountDownLatch(1);
        client.connect(new com.pusher.client.connection.ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(com.pusher.client.connection.ConnectionStateChange change) {
                connected.countDown();
            }

            @Override
            public void onError(String message, String code, Exception e) {
                // reported through the assertions below
            }
        }, ConnectionState.CONNECTED);
        assertTrue(connected.await(10, TimeUnit.SECONDS), "the Java client did not connect");
        return client;
    }

    /** What an app backend's presence auth endpoint does: sign with the server SDK for a chosen user. */
    private com.pusher.client.ChannelAuthorizer backendAs(PresenceUser user) {
        return (channel, socketId) -> pusher.authenticate(socketId, channel, user);
    }

    @Test
    void the_java_client_connects_subscribes_privately_through_broadcasting_auth_and_receives_an_event() throws Exception {
        Pusher client = client(new HttpChannelAuthorizer("http://127.0.0.1:" + server.port() + "/broadcasting/auth"));
        BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        client.subscribePrivate("private-java", new PrivateChannelEventListener() {
            @Override
            public void onAuthenticationFailure(String message, Exception e) {
            }

            @Override
            public void onSubscriptionSucceeded(String channelName) {
                subscribed.countDown();
            }

            @Override
            public void onEvent(PusherEvent event) {
                events.add(event);
            }
        }, "invoice.paid");
        assertTrue(subscribed.await(10, TimeUnit.SECONDS), "private subscription did not succeed");
        assertTrue(client.getConnection().getSocketId().matches("\\d+\\.\\d+"));
        trigger("private-java", "invoice.paid", Map.of("amount", 12));
        PusherEvent event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no event received");
        assertEquals("{\"amount\":12}", event.getData());
    }

    @Test
    void two_java_clients_see_each_other_on_a_presence_channel_join_and_leave() throws Exception {
        BlockingQueue<String> joined = new LinkedBlockingQueue<>();
        BlockingQueue<String> left = new LinkedBlockingQueue<>();
        BlockingQueue<Set<User>> rosters = new LinkedBlockingQueue<>();
        Pusher ada = client(backendAs(new PresenceUser("7", Map.of("name", "Ada"))));
        ada.subscribePresence("presence-java", listener(rosters, joined, left));
        assertEquals(1, rosters.poll(10, TimeUnit.SECONDS).size());

        Pusher bob = client(backendAs(new PresenceUser("9", Map.of("name", "Bob"))));
        BlockingQueue<Set<User>> bobRosters = new LinkedBlockingQueue<>();
        bob.subscribePresence("presence-java", listener(bobRosters, new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>()));
        Set<User> both = bobRosters.poll(10, TimeUnit.SECONDS);
        assertNotNull(both, "Bob got no roster");
        assertEquals(2, both.size());
        assertEquals("9", joined.poll(10, TimeUnit.SECONDS));

        bob.disconnect();
        assertEquals("9", left.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void the_java_client_signs_in_and_receives_events_sent_to_its_user() throws Exception {
        String userData = "{\"id\":\"java-user\",\"user_info\":{\"name\":\"Duke\"}}";
        PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false)
                .setUserAuthenticator(socketId -> "{\"auth\":\"" + TestApp.KEY + ":"
                        + SignedRequest.hmac(TestApp.SECRET, socketId + "::user::" + userData) + "\",\"user_data\":"
                        + jakarta.json.Json.createValue(userData) + "}");
        Pusher client = new Pusher(TestApp.KEY, options);
        clients.add(client);
        client.connect();
        client.signin();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.user().userId() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("java-user", client.user().userId(), "signin did not succeed");
        BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
        client.user().bind("welcome", events::add);
        Thread.sleep(300); // the client subscribes to its #server-to-user channel after signin_success
        var answer = io.zintrust.socket.support.Http.postJson(server.http("/apps/" + TestApp.ID + "/events"),
                "{\"name\":\"welcome\",\"channel\":\"#server-to-user-java-user\",\"data\":\"{\\\"hi\\\":1}\"}",
                "Authorization", "Bearer " + TestApp.SECRET);
        assertEquals(200, answer.status(), answer.body());
        PusherEvent event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no user event received");
        assertEquals("{\"hi\":1}", event.getData());
    }

    private static PresenceChannelEventListener listener(BlockingQueue<Set<User>> rosters, BlockingQueue<String> joined,
                                                         BlockingQueue<String> left) {
        return new PresenceChannelEventListener() {
            @Override
            public void onUsersInformationReceived(String channelName, Set<User> users) {
                rosters.add(users);
            }

            @Override
            public void userSubscribed(String channelName, User user) {
                joined.add(user.getId());
            }

            @Override
            public void userUnsubscribed(String channelName, User user) {
                left.add(user.getId());
            }

            @Override
            public void onAuthenticationFailure(String message, Exception e) {
            }

            @Override
            public void onSubscriptionSucceeded(String channelName) {
            }

            @Override
            public void onEvent(PusherEvent event) {
            }
        };
    }
}
