package io.zintrust.socket.identity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelPatternsTest {

    @Test
    void a_star_matches_any_run_of_characters_including_none() {
        ChannelPatterns patterns = new ChannelPatterns(List.of("private-orders.*"));
        assertTrue(patterns.matches("private-orders.42"));
        assertTrue(patterns.matches("private-orders."));
        assertTrue(patterns.matches("private-orders.a.b.c"));
        assertFalse(patterns.matches("private-orders"));
        assertFalse(patterns.matches("private-ordersX42"));
    }

    @Test
    void a_pattern_without_a_star_matches_only_itself() {
        ChannelPatterns patterns = new ChannelPatterns(List.of("presence-room-42"));
        assertTrue(patterns.matches("presence-room-42"));
        assertFalse(patterns.matches("presence-room-420"));
        assertFalse(patterns.matches("presence-room-4"));
    }

    @Test
    void stars_may_stand_anywhere_and_more_than_once() {
        assertTrue(ChannelPatterns.matches("private-encrypted-user-*", "private-encrypted-user-7"));
        assertTrue(ChannelPatterns.matches("*-orders", "private-orders"));
        assertTrue(ChannelPatterns.matches("private-*-team-*", "private-red-team-9"));
        assertFalse(ChannelPatterns.matches("private-*-team-*", "private-red-squad-9"));
        assertTrue(ChannelPatterns.matches("*", "anything"));
        assertTrue(ChannelPatterns.matches("a**b", "ab"));
    }

    @Test
    void dots_and_other_regex_characters_are_literal() {
        assertFalse(ChannelPatterns.matches("private-a.b", "private-aXb"));
        assertTrue(ChannelPatterns.matches("private-a+b", "private-a+b"));
    }

    @Test
    void any_pattern_of_the_list_may_match_and_an_empty_list_matches_nothing() {
        ChannelPatterns patterns = new ChannelPatterns(List.of("private-a", "presence-b-*"));
        assertTrue(patterns.matches("presence-b-1"));
        assertTrue(patterns.matches("private-a"));
        assertFalse(new ChannelPatterns(List.of()).matches("private-a"));
    }
}
