package io.zintrust.socket.http;

import io.zintrust.socket.http.CrossOriginPolicy.Header;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which origins get CORS headers, and which headers, for answers and preflights. */
class CrossOriginPolicyTest {

    private static final CrossOriginPolicy LISTED = CrossOriginPolicy.of(
            List.of("https://app.example.com", "http://127.0.0.1:8099"));
    private static final CrossOriginPolicy ANY = CrossOriginPolicy.of(List.of("*"));

    @Test
    void no_configured_origin_turns_cors_off() {
        CrossOriginPolicy none = CrossOriginPolicy.of(List.of());
        assertTrue(none.isOff());
        assertFalse(none.allows("https://app.example.com"));
        assertEquals(List.of(), none.answerHeaders("https://app.example.com"));
        assertFalse(LISTED.isOff());
        assertFalse(ANY.isOff());
    }

    @Test
    void a_listed_origin_is_echoed_with_credentials_and_vary_origin() {
        assertEquals(List.of(new Header("Access-Control-Allow-Origin", "http://127.0.0.1:8099"),
                        new Header("Access-Control-Allow-Credentials", "true"), new Header("Vary", "Origin")),
                LISTED.answerHeaders("http://127.0.0.1:8099"));
    }

    @Test
    void an_origin_matches_only_exactly_not_by_port_scheme_or_suffix() {
        assertTrue(LISTED.allows("https://app.example.com"));
        assertFalse(LISTED.allows("http://app.example.com"));
        assertFalse(LISTED.allows("https://app.example.com:8443"));
        assertFalse(LISTED.allows("https://evil-app.example.com"));
        assertFalse(LISTED.allows("https://app.example.com.evil.test"));
        assertFalse(LISTED.allows("http://127.0.0.1:8098"));
        assertFalse(LISTED.allows("null"));
        assertEquals(List.of(), LISTED.answerHeaders("http://127.0.0.1:8098"));
    }

    @Test
    void with_a_star_any_origin_gets_a_star_and_no_credentials() {
        assertTrue(ANY.allows("http://anything.test:1234"));
        assertTrue(ANY.allows("null"));
        assertEquals(List.of(new Header("Access-Control-Allow-Origin", "*"), new Header("Vary", "Origin")),
                ANY.answerHeaders("http://anything.test:1234"));
    }

    @Test
    void a_preflight_from_a_listed_origin_allows_the_methods_echoes_the_requested_headers_and_lasts_600_seconds() {
        assertEquals(List.of(new Header("Access-Control-Allow-Origin", "https://app.example.com"),
                        new Header("Access-Control-Allow-Credentials", "true"), new Header("Vary", "Origin"),
                        new Header("Access-Control-Allow-Methods", "POST, GET, OPTIONS"),
                        new Header("Access-Control-Allow-Headers", "authorization,content-type,x-csrf-token,x-socket-id"),
                        new Header("Access-Control-Max-Age", "600")),
                LISTED.preflightHeaders("https://app.example.com", " authorization,content-type,x-csrf-token,x-socket-id "));
    }

    @Test
    void a_preflight_asking_for_no_headers_gets_no_allow_headers() {
        List<Header> headers = ANY.preflightHeaders("http://a.test", null);
        assertTrue(headers.contains(new Header("Access-Control-Allow-Origin", "*")), headers.toString());
        assertTrue(headers.stream().noneMatch(h -> h.name().equals("Access-Control-Allow-Headers")), headers.toString());
        assertTrue(headers.stream().noneMatch(h -> h.name().equals("Access-Control-Allow-Credentials")), headers.toString());
        assertTrue(ANY.preflightHeaders("http://a.test", "  ").stream()
                .noneMatch(h -> h.name().equals("Access-Control-Allow-Headers")));
    }

    @Test
    void a_preflight_from_an_origin_not_listed_gets_no_headers_and_a_refusal_naming_the_setting() {
        assertEquals(List.of(), LISTED.preflightHeaders("http://x", "content-type"));
        assertEquals("Origin http://x is not allowed: add it to SOCKET_CORS_ORIGINS", CrossOriginPolicy.refusal("http://x"));
        assertEquals("{\"error\":\"Origin http://x is not allowed: add it to SOCKET_CORS_ORIGINS\"}",
                ErrorBody.json(CrossOriginPolicy.refusal("http://x")));
    }

    @Test
    void only_an_options_request_asking_for_a_method_is_a_preflight() {
        assertTrue(CrossOriginPolicy.isPreflight("OPTIONS", "POST"));
        assertFalse(CrossOriginPolicy.isPreflight("OPTIONS", null));
        assertFalse(CrossOriginPolicy.isPreflight("POST", "POST"));
        assertFalse(CrossOriginPolicy.isPreflight("GET", null));
    }
}
