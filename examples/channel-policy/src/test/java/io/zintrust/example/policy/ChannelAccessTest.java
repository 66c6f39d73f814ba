package io.zintrust.example.policy;

import io.zintrust.socket.policy.Caller;
import io.zintrust.socket.policy.ChannelRequest;
import io.zintrust.socket.policy.ChannelVerdict;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelAccessTest {

    private static final Caller ANONYMOUS = new Caller(Map.of(), null);
    private static final Caller ADA = new Caller(Map.of(), () -> "ada");

    private static ChannelVerdict ask(String channel, Caller caller) {
        return new ChannelAccess().authorize(new ChannelRequest("app", "1.2", channel, null, caller));
    }

    @Test
    void private_encrypted_and_presence_channels_are_refused_to_an_anonymous_caller_with_a_reason() {
        for (String channel : new String[]{"private-orders", "private-encrypted-vault", "presence-room"}) {
            ChannelVerdict verdict = ask(channel, ANONYMOUS);
            assertFalse(verdict.authorized(), channel);
            assertEquals("Channel " + channel + " requires an authenticated user.", verdict.message());
        }
    }

    @Test
    void an_authenticated_caller_joins_them_as_itself() {
        for (String channel : new String[]{"private-orders", "private-encrypted-vault", "presence-room"}) {
            ChannelVerdict verdict = ask(channel, ADA);
            assertTrue(verdict.authorized(), channel);
            assertNull(verdict.userId(), "null keeps the caller's own name: " + channel);
        }
    }

    @Test
    void public_channels_are_open_and_any_other_channel_is_refused() {
        assertTrue(ask("public-news", ANONYMOUS).authorized());
        ChannelVerdict other = ask("lobby", ADA);
        assertFalse(other.authorized());
        assertTrue(other.message().contains("lobby"), other.message());
    }

    @Test
    void signing_in_needs_an_authenticated_caller() {
        Principal ada = ADA.principal();
        assertTrue(ask(null, new Caller(Map.of(), ada)).authorized());
        assertEquals("Sign-in requires an authenticated user.", ask(null, ANONYMOUS).message());
    }
}
