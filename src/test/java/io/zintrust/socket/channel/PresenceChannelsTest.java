package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.testing.AppBuilder;
import io.zintrust.socket.testing.FakeSocket;
import io.zintrust.socket.testing.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presence channels: the roster in the answer, member events on a user's first and last socket, the member limit. */
class PresenceChannelsTest {

    static final App APP = new App("app-1", "key-1", "secret-1");
    /** At most two members per presence channel. */
    static final App SMALL = AppBuilder.app("small-app").maxPresenceMembers(2).build();
    static final String ROOM = "presence-room";
    static final Member ADA = new Member("7", "{\"name\":\"Ada\"}");
    static final Member BOB = new Member("9", "null");
    static final Member CY = new Member("11", "{\"name\":\"Cy\"}");

    final ChannelFixture fixture = new ChannelFixture();

    FakeSocket joined(String socketId, Member member) {
        FakeSocket socket = new FakeSocket(socketId, APP);
        assertEquals(Subscriptions.Joined.SUBSCRIBED, fixture.join(socket, ROOM, member));
        return socket;
    }

    /** The {@code presence} object of the socket's (only) subscription_succeeded. */
    static JsonObject roster(FakeSocket socket) {
        List<JsonObject> answers = socket.sent("pusher_internal:subscription_succeeded");
        assertEquals(1, answers.size(), socket.sent().toString());
        assertEquals(ROOM, answers.get(0).getString("channel"));
        return Json.data(answers.get(0)).getJsonObject("presence");
    }

    @Test
    void subscription_succeeded_carries_the_roster_with_ids_user_info_and_count() {
        joined("1.1", ADA);
        FakeSocket bob = joined("1.2", BOB);
        JsonObject presence = roster(bob);
        assertEquals(List.of("7", "9"), presence.getJsonArray("ids").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("Ada", presence.getJsonObject("hash").getJsonObject("7").getString("name"));
        assertEquals(JsonValue.NULL, presence.getJsonObject("hash").get("9"));
        assertEquals(2, presence.getInt("count"));
    }

    @Test
    void the_first_member_sees_only_itself_in_the_roster() {
        FakeSocket ada = joined("1.1", ADA);
        JsonObject presence = roster(ada);
        assertEquals(1, presence.getInt("count"));
        assertEquals("7", presence.getJsonArray("ids").getString(0));
    }

    @Test
    void a_users_first_socket_is_announced_to_the_others_with_member_added_but_never_to_itself() {
        FakeSocket ada = joined("1.1", ADA);
        FakeSocket bob = joined("1.2", BOB);
        List<JsonObject> added = ada.sent("pusher_internal:member_added");
        assertEquals(1, added.size(), ada.sent().toString());
        assertEquals(ROOM, added.get(0).getString("channel"));
        JsonObject data = Json.data(added.get(0));
        assertEquals("9", data.getString("user_id"));
        assertEquals(JsonValue.NULL, data.get("user_info"));
        assertTrue(bob.sent("pusher_internal:member_added").isEmpty(), bob.sent().toString());
    }

    @Test
    void member_added_carries_the_user_info_of_channel_data() {
        FakeSocket bob = joined("1.1", BOB);
        joined("1.2", ADA);
        JsonObject data = Json.data(bob.sent("pusher_internal:member_added").get(0));
        assertEquals("7", data.getString("user_id"));
        assertEquals("Ada", data.getJsonObject("user_info").getString("name"));
    }

    @Test
    void a_second_socket_of_a_present_user_is_announced_to_nobody() {
        FakeSocket ada = joined("1.1", ADA);
        FakeSocket bob = joined("1.2", BOB);
        ada.clearSent();
        bob.clearSent();
        FakeSocket bobAgain = joined("1.3", BOB);
        assertTrue(ada.sent().isEmpty(), ada.sent().toString());
        assertTrue(bob.sent().isEmpty(), bob.sent().toString());
        assertEquals(2, roster(bobAgain).getInt("count"), "the user is counted once");
    }

    @Test
    void member_removed_is_sent_to_the_others_only_when_the_users_last_socket_leaves() {
        FakeSocket ada = joined("1.1", ADA);
        FakeSocket bob = joined("1.2", BOB);
        FakeSocket bobAgain = joined("1.3", BOB);
        ada.clearSent();
        fixture.subscriptions.unsubscribe(bob, ROOM);
        assertTrue(ada.sent().isEmpty(), "the user still has a socket here: " + ada.sent());
        fixture.subscriptions.unsubscribe(bobAgain, ROOM);
        List<JsonObject> removed = ada.sent("pusher_internal:member_removed");
        assertEquals(1, removed.size(), ada.sent().toString());
        assertEquals(ROOM, removed.get(0).getString("channel"));
        assertEquals("9", Json.data(removed.get(0)).getString("user_id"));
        assertTrue(bobAgain.sent("pusher_internal:member_removed").isEmpty(), "the leaver is not told of itself");
    }

    @Test
    void member_added_and_member_removed_activities_are_told_once_per_user() {
        FakeSocket first = joined("1.1", ADA);
        FakeSocket second = joined("1.2", ADA);
        assertEquals(List.of(new Activity.MemberAdded(APP, ROOM, "7", "{\"name\":\"Ada\"}")),
                fixture.heard.of(Activity.MemberAdded.class));
        fixture.subscriptions.unsubscribe(first, ROOM);
        assertTrue(fixture.heard.of(Activity.MemberRemoved.class).isEmpty());
        fixture.subscriptions.unsubscribe(second, ROOM);
        fixture.subscriptions.unsubscribe(second, ROOM);
        assertEquals(List.of(new Activity.MemberRemoved(APP, ROOM, "7")), fixture.heard.of(Activity.MemberRemoved.class));
    }

    @Test
    void a_full_presence_channel_refuses_a_new_user() {
        FakeSocket ada = new FakeSocket("1.1", SMALL);
        FakeSocket bob = new FakeSocket("1.2", SMALL);
        FakeSocket cy = new FakeSocket("1.3", SMALL);
        fixture.join(ada, ROOM, ADA);
        fixture.join(bob, ROOM, BOB);
        ada.clearSent();
        assertEquals(Subscriptions.Joined.PRESENCE_FULL, fixture.join(cy, ROOM, CY));
        assertTrue(cy.sent().isEmpty(), cy.sent().toString());
        assertTrue(cy.channels().isEmpty());
        assertTrue(cy.presenceIds().isEmpty());
        assertTrue(ada.sent().isEmpty(), "nobody hears of a refused member: " + ada.sent());
        assertEquals(2, fixture.channels.stats(SMALL, ROOM).subscriptionCount());
        assertEquals(2, fixture.channels.stats(SMALL, ROOM).userCount());
    }

    @Test
    void a_user_already_present_is_admitted_to_a_full_presence_channel() {
        fixture.join(new FakeSocket("1.1", SMALL), ROOM, ADA);
        fixture.join(new FakeSocket("1.2", SMALL), ROOM, BOB);
        FakeSocket adaAgain = new FakeSocket("1.3", SMALL);
        assertEquals(Subscriptions.Joined.SUBSCRIBED, fixture.join(adaAgain, ROOM, ADA));
        assertEquals(List.of("pusher_internal:subscription_succeeded"), adaAgain.sentEvents());
    }

    @Test
    void members_on_other_instances_count_against_the_member_limit() {
        Map<String, String> everywhere = new LinkedHashMap<>();
        everywhere.put("20", "null");
        everywhere.put("21", "null");
        fixture.ledger.members = everywhere;
        assertEquals(Subscriptions.Joined.PRESENCE_FULL, fixture.join(new FakeSocket("1.1", SMALL), ROOM, ADA));
        assertEquals(Subscriptions.Joined.SUBSCRIBED,
                fixture.join(new FakeSocket("1.2", SMALL), ROOM, new Member("20", "null")),
                "a user present elsewhere is no new member");
    }

    @Test
    void no_member_added_is_sent_when_the_ledger_says_the_user_is_present_elsewhere() {
        FakeSocket ada = joined("1.1", ADA);
        ada.clearSent();
        fixture.heard.clear();
        fixture.ledger.firstAnywhere = false;
        FakeSocket bob = joined("1.2", BOB);
        assertTrue(ada.sent().isEmpty(), ada.sent().toString());
        assertTrue(fixture.heard.of(Activity.MemberAdded.class).isEmpty());
        assertEquals(List.of("pusher_internal:subscription_succeeded"), bob.sentEvents(), "the joiner is still answered");
    }

    @Test
    void no_member_removed_is_sent_when_the_ledger_says_the_user_is_still_present_elsewhere() {
        FakeSocket ada = joined("1.1", ADA);
        FakeSocket bob = joined("1.2", BOB);
        ada.clearSent();
        fixture.ledger.lastAnywhere = false;
        fixture.subscriptions.unsubscribe(bob, ROOM);
        assertTrue(ada.sent().isEmpty(), ada.sent().toString());
        assertTrue(fixture.heard.of(Activity.MemberRemoved.class).isEmpty());
        assertEquals(List.of("7"), fixture.presence.presentUsers(APP, ROOM));
    }

    @Test
    void the_ledgers_cluster_wide_roster_is_the_one_a_joiner_gets() {
        Map<String, String> everywhere = new LinkedHashMap<>();
        everywhere.put("20", "{\"name\":\"Elsewhere\"}");
        everywhere.put("7", "{\"name\":\"Ada\"}");
        fixture.ledger.members = everywhere;
        FakeSocket ada = joined("1.1", ADA);
        JsonObject presence = roster(ada);
        assertEquals(2, presence.getInt("count"));
        assertEquals("20", presence.getJsonArray("ids").getString(0));
        assertEquals("Elsewhere", presence.getJsonObject("hash").getJsonObject("20").getString("name"));
        assertEquals(List.of("20", "7"), fixture.presence.presentUsers(APP, ROOM));
    }

    @Test
    void the_ledger_is_asked_with_no_channel_monitor_held() {
        FakeSocket ada = joined("1.1", ADA);
        FakeSocket bob = joined("1.2", BOB);
        Channel channel = fixture.channels.find(APP, ROOM);
        assertNotNull(channel);
        fixture.ledger.watch(channel);
        fixture.subscriptions.unsubscribe(bob, ROOM);
        fixture.subscriptions.unsubscribe(ada, ROOM);
        assertTrue(fixture.ledger.calls.contains("joined " + ROOM + " 7"), fixture.ledger.calls.toString());
        assertTrue(fixture.ledger.calls.contains("joined " + ROOM + " 9"), fixture.ledger.calls.toString());
        assertTrue(fixture.ledger.calls.contains("left " + ROOM + " 9"), fixture.ledger.calls.toString());
        assertTrue(fixture.ledger.calls.contains("left " + ROOM + " 7"), fixture.ledger.calls.toString());
        assertTrue(fixture.ledger.calls.contains("members " + ROOM), fixture.ledger.calls.toString());
        assertEquals(List.of(), fixture.ledger.callsUnderAChannelLock);
    }

    @Test
    void the_fake_ledgers_lock_check_would_see_a_channel_monitor_held() {
        joined("1.1", ADA);
        Channel channel = fixture.channels.find(APP, ROOM);
        synchronized (channel) {
            fixture.ledger.members(APP.id(), ROOM);
        }
        assertEquals(List.of("members " + ROOM), fixture.ledger.callsUnderAChannelLock,
                "the check the test above relies on is not vacuous");
    }

    @Test
    void the_socket_remembers_the_user_it_joined_as_until_it_leaves() {
        FakeSocket ada = joined("1.1", ADA);
        assertEquals(Map.of(ROOM, "7"), ada.presenceIds());
        fixture.subscriptions.unsubscribe(ada, ROOM);
        assertTrue(ada.presenceIds().isEmpty());
    }

    @Test
    void a_user_of_a_dead_instance_is_removed_for_every_subscriber_here_and_told() {
        FakeSocket ada = joined("1.1", ADA);
        ada.clearSent();
        fixture.presence.removedWithDeadInstance(APP, ROOM, "20");
        List<JsonObject> removed = ada.sent("pusher_internal:member_removed");
        assertEquals(1, removed.size());
        assertEquals("20", Json.data(removed.get(0)).getString("user_id"));
        assertEquals(List.of(new Activity.MemberRemoved(APP, ROOM, "20")), fixture.heard.of(Activity.MemberRemoved.class));
    }

    @Test
    void present_users_alone_are_this_instances_roster() {
        joined("1.1", ADA);
        joined("1.2", BOB);
        joined("1.3", ADA);
        assertEquals(List.of("7", "9"), fixture.presence.presentUsers(APP, ROOM));
        assertEquals(List.of(), fixture.presence.presentUsers(APP, "presence-empty"));
        assertFalse(fixture.presence.presentUsers(APP, ROOM).contains("11"));
    }
}
