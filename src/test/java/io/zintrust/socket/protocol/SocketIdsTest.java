package io.zintrust.socket.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** socket_id format and uniqueness (Pusher: digits.digits). */
class SocketIdsTest {

    @Test
    void a_new_id_is_digits_dot_digits() {
        for (int i = 0; i < 1000; i++) {
            String id = SocketIds.next();
            assertTrue(id.matches("\\d+\\.\\d+"), id);
            assertFalse(id.contains(":"), id);
            assertFalse(id.contains("-"), id);
            assertTrue(SocketIds.isValid(id), id);
        }
    }

    @Test
    void each_half_is_an_unsigned_32_bit_number() {
        for (int i = 0; i < 1000; i++) {
            String[] halves = SocketIds.next().split("\\.");
            assertEquals(2, halves.length);
            for (String half : halves) {
                long value = Long.parseLong(half);
                assertTrue(value >= 0 && value <= 0xFFFF_FFFFL, half);
            }
        }
    }

    @Test
    void ten_thousand_draws_are_unique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(SocketIds.next());
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void both_halves_are_drawn_from_the_whole_unsigned_32_bit_range() {
        Set<Long> firsts = new HashSet<>();
        Set<Long> seconds = new HashSet<>();
        long maxFirst = 0;
        long maxSecond = 0;
        for (int i = 0; i < 10_000; i++) {
            String[] halves = SocketIds.next().split("\\.");
            long first = Long.parseLong(halves[0]);
            long second = Long.parseLong(halves[1]);
            firsts.add(first);
            seconds.add(second);
            maxFirst = Math.max(maxFirst, first);
            maxSecond = Math.max(maxSecond, second);
        }
        // 10,000 draws from 2^32 values collide about once per hundred runs; 10 repeats would mean a narrow range
        assertTrue(firsts.size() > 9_990, "distinct first halves: " + firsts.size());
        assertTrue(seconds.size() > 9_990, "distinct second halves: " + seconds.size());
        // values above 2^31 show the halves are unsigned, not clipped to positive ints
        assertTrue(maxFirst > 0x8000_0000L, "largest first half: " + maxFirst);
        assertTrue(maxSecond > 0x8000_0000L, "largest second half: " + maxSecond);
    }

    @ParameterizedTest(name = "[{0}] is valid")
    @ValueSource(strings = {"1.2", "183905.2289012", "0.0", "4294967295.4294967295"})
    void well_formed_ids_are_valid(String id) {
        assertTrue(SocketIds.isValid(id));
    }

    @ParameterizedTest(name = "[{0}] is invalid")
    @ValueSource(strings = {"1234:5678", "1234.5678:private-a", "12:34.5678", "1234.56:78", "abc.def", "12a4.5678", "1234.56x8", "1234",
            "1234.", ".5678", "1234.5678.9", "", " 1234.5678", "1234.5678\n", "-1.2", "1,2", "\u0661.\u0662"})
    void ids_with_colons_letters_or_the_wrong_shape_are_invalid(String id) {
        assertFalse(SocketIds.isValid(id));
    }

    @Test
    void null_is_invalid() {
        assertFalse(SocketIds.isValid(null));
    }

    @Test
    void ids_longer_than_40_characters_are_invalid() {
        String forty = "1".repeat(20) + "." + "2".repeat(19);
        assertEquals(40, forty.length());
        assertTrue(SocketIds.isValid(forty));
        assertFalse(SocketIds.isValid(forty + "3"));
    }
}
