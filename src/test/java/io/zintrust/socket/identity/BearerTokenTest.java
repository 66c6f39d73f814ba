package io.zintrust.socket.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BearerTokenTest {

    @Test
    void a_bearer_value_with_two_dots_is_a_jwt() {
        assertEquals("aaa.bbb.ccc", BearerToken.jwt("Bearer aaa.bbb.ccc"));
        assertEquals("aaa.bbb.ccc", BearerToken.jwt("bearer   aaa.bbb.ccc "));
    }

    @Test
    void an_app_secret_sent_as_a_bearer_value_is_not_a_jwt() {
        assertNull(BearerToken.jwt("Bearer local-secret"));
        assertEquals("local-secret", BearerToken.value("Bearer local-secret"));
        assertNull(BearerToken.jwt("Bearer a.b"));
        assertNull(BearerToken.jwt("Bearer a.b.c.d"));
    }

    @Test
    void other_schemes_and_missing_headers_carry_no_token() {
        assertNull(BearerToken.value("Basic dXNlcjpwYXNz"));
        assertNull(BearerToken.value(null));
        assertNull(BearerToken.jwt(null));
    }
}
