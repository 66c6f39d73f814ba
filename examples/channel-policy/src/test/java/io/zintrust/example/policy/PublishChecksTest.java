package io.zintrust.example.policy;

import io.zintrust.socket.policy.Caller;
import io.zintrust.socket.policy.PublishRequest;
import io.zintrust.socket.policy.PublishVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishChecksTest {

    private static final Caller APP = new Caller(Map.of(), null);
    private static final Caller ADA = new Caller(Map.of(), () -> "ada");

    private static PublishVerdict review(String event, String data, Caller caller) {
        PublishChecks checks = new PublishChecks();
        checks.shoutSuffix = ".shout";
        return checks.review(new PublishRequest("app", event, List.of("public-chat"), data, null, caller));
    }

    @Test
    void an_admin_event_without_a_user_is_refused_with_the_seeds_message() {
        PublishVerdict verdict = review("admin.reset", "{}", APP);
        assertFalse(verdict.allowed());
        assertEquals("Admin publish requires an authenticated user.", verdict.message());
    }

    @Test
    void an_admin_event_with_a_user_is_published_as_sent() {
        PublishVerdict verdict = review("admin.reset", "{}", ADA);
        assertTrue(verdict.allowed());
        assertNull(verdict.publish());
    }

    @Test
    void a_shout_is_published_with_its_data_upper_cased_and_nothing_else_changed() {
        PublishVerdict verdict = review("chat.shout", "hello", APP);
        assertTrue(verdict.allowed());
        assertEquals("HELLO", verdict.publish().data());
        assertEquals("chat.shout", verdict.publish().event());
        assertEquals(List.of("public-chat"), verdict.publish().channels());
    }

    @Test
    void any_other_event_is_published_as_sent() {
        assertNull(review("orders.updated", "x", APP).publish());
        assertTrue(review("orders.updated", "x", APP).allowed());
    }
}
