package io.zintrust.socket.users;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedInUserTest {

    @Test
    void user_data_with_an_id_and_a_watchlist_is_read_and_kept_verbatim() {
        String userData = "{\"id\":\"7\", \"user_info\":{\"name\":\"Ada\"},\"watchlist\":[\"9\",12]}";
        SignedInUser user = SignedInUser.parse(userData).orElseThrow();
        assertEquals("7", user.id());
        assertEquals(userData, user.userData());
        assertEquals(List.of("9", "12"), user.watchlist());
    }

    @Test
    void user_data_without_a_usable_id_is_refused() {
        for (String bad : new String[]{null, "", "{}", "{\"id\":\"\"}", "{\"id\":\"  \"}", "{\"id\":true}", "[1]",
                "{\"id\":\"1\"} trailing"}) {
            assertEquals(Optional.empty(), SignedInUser.parse(bad), bad);
        }
    }

    @Test
    void a_missing_or_malformed_watchlist_watches_nobody() {
        assertTrue(SignedInUser.parse("{\"id\":\"1\"}").orElseThrow().watchlist().isEmpty());
        assertTrue(SignedInUser.parse("{\"id\":\"1\",\"watchlist\":\"2\"}").orElseThrow().watchlist().isEmpty());
    }
}
