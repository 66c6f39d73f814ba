package io.zintrust.socket.presence;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members deduplicated by user id, first-join / last-leave. */
class PresenceRosterTest {

    static final Member ADA = new Member("7", "{\"name\":\"Ada\"}");
    static final Member BOB = new Member("9", "null");

    static JsonObject presence(PresenceRoster roster) {
        try (var reader = Json.createReader(new StringReader(roster.toJson()))) {
            return reader.readObject().getJsonObject("presence");
        }
    }

    @Test
    void an_empty_roster_has_no_ids_an_empty_hash_and_count_zero() {
        PresenceRoster roster = new PresenceRoster();
        assertEquals("{\"presence\":{\"ids\":[],\"hash\":{},\"count\":0}}", roster.toJson());
        assertEquals(0, roster.userCount());
    }

    @Test
    void join_is_true_only_for_a_users_first_socket() {
        PresenceRoster roster = new PresenceRoster();
        assertTrue(roster.join(ADA));
        assertFalse(roster.join(ADA));
        assertFalse(roster.join(new Member("7", "{\"name\":\"Ada again\"}")));
        assertTrue(roster.join(BOB));
    }

    @Test
    void leave_is_true_only_for_a_users_last_socket() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(ADA);
        roster.join(ADA);
        roster.join(ADA);
        assertFalse(roster.leave("7"));
        assertFalse(roster.leave("7"));
        assertEquals(1, roster.userCount());
        assertTrue(roster.leave("7"));
        assertEquals(0, roster.userCount());
    }

    @Test
    void leave_of_an_unknown_user_is_false_and_changes_nothing() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(ADA);
        assertFalse(roster.leave("9"));
        assertEquals(List.of("7"), roster.userIds());
    }

    @Test
    void a_user_who_left_entirely_joins_again_as_new() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(ADA);
        assertTrue(roster.leave("7"));
        assertFalse(roster.leave("7"));
        assertTrue(roster.join(ADA));
    }

    @Test
    void several_sockets_of_one_user_count_once() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(ADA);
        roster.join(ADA);
        roster.join(BOB);
        assertEquals(2, roster.userCount());
        assertEquals(List.of("7", "9"), roster.userIds());
        JsonObject presence = presence(roster);
        assertEquals(2, presence.getInt("count"));
        assertEquals(2, presence.getJsonArray("ids").size());
    }

    @Test
    void to_json_has_ids_a_hash_of_user_info_and_the_count() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(ADA);
        roster.join(BOB);
        assertEquals("{\"presence\":{\"ids\":[\"7\",\"9\"],\"hash\":{\"7\":{\"name\":\"Ada\"},\"9\":null},\"count\":2}}",
                roster.toJson());
        JsonObject presence = presence(roster);
        assertEquals("Ada", presence.getJsonObject("hash").getJsonObject("7").getString("name"));
        assertEquals(JsonValue.NULL, presence.getJsonObject("hash").get("9"));
    }

    @Test
    void the_first_sockets_user_info_is_kept() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(ADA);
        roster.join(new Member("7", "{\"name\":\"Changed\"}"));
        assertEquals("Ada", presence(roster).getJsonObject("hash").getJsonObject("7").getString("name"));
    }

    @Test
    void a_member_who_left_disappears_from_the_json() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(ADA);
        roster.join(BOB);
        roster.leave("7");
        assertEquals("{\"presence\":{\"ids\":[\"9\"],\"hash\":{\"9\":null},\"count\":1}}", roster.toJson());
    }

    @Test
    void user_ids_with_quotes_are_escaped_in_the_json() {
        PresenceRoster roster = new PresenceRoster();
        roster.join(new Member("a\"b\\c", "1"));
        JsonObject presence = presence(roster);
        assertEquals("a\"b\\c", presence.getJsonArray("ids").getString(0));
        assertEquals(1, presence.getJsonObject("hash").getInt("a\"b\\c"));
    }

    @Test
    void a_numeric_user_id_from_channel_data_shares_the_entry_of_its_string_form() {
        PresenceRoster roster = new PresenceRoster();
        assertTrue(roster.join(Member.fromChannelData("{\"user_id\":10}")));
        assertFalse(roster.join(Member.fromChannelData("{\"user_id\":\"10\"}")));
        assertEquals(List.of("10"), roster.userIds());
        assertEquals("10", presence(roster).getJsonArray("ids").getString(0));
    }
}
