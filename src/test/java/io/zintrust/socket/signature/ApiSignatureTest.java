package io.zintrust.socket.signature;

import io.zintrust.socket.apps.App;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP API request signing, with golden vectors computed from Pusher's documented algorithm. */
class ApiSignatureTest {

    static final String KEY = "278d425bdf160c739803";
    static final String SECRET = "7ad3773142a6692b25b8";
    static final App APP = new App("3", KEY, SECRET);
    static final long TIMESTAMP = 1353088179L;

    static final byte[] BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final String BODY_MD5 = "ec365a775a4cd0599faeb73354201b6f";
    static final String POST_CANONICAL = "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
            + "&body_md5=ec365a775a4cd0599faeb73354201b6f";
    static final String POST_SIGNATURE = "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";
    static final String GET_CANONICAL = "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
            + "&filter_by_prefix=presence-&info=user_count";
    static final String GET_SIGNATURE = "16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291";

    /** The POST vector's parameters as an SDK sends them, signature included. */
    static Map<String, String> postQuery() {
        Map<String, String> query = new HashMap<>();
        query.put("auth_key", KEY);
        query.put("auth_timestamp", Long.toString(TIMESTAMP));
        query.put("auth_version", "1.0");
        query.put("body_md5", BODY_MD5);
        query.put("auth_signature", POST_SIGNATURE);
        return query;
    }

    static Map<String, String> getQuery() {
        Map<String, String> query = new HashMap<>();
        query.put("auth_key", KEY);
        query.put("auth_timestamp", Long.toString(TIMESTAMP));
        query.put("auth_version", "1.0");
        query.put("filter_by_prefix", "presence-");
        query.put("info", "user_count");
        query.put("auth_signature", GET_SIGNATURE);
        return query;
    }

    /** Signs {@code query} (minus any auth_signature) the way an SDK would, with the given secret. */
    static Map<String, String> signed(String secret, String method, String path, Map<String, String> query) {
        Map<String, String> out = new HashMap<>(query);
        out.remove("auth_signature");
        String signature = Hmac.sha256Hex(secret,
                ApiSignature.stringToSign(method, path, ApiSignature.canonicalQuery(out)));
        out.put("auth_signature", signature);
        return out;
    }

    static Optional<String> verifyPost(Map<String, String> query, byte[] body, long now) {
        return ApiSignature.verify(APP, "POST", List.of("/apps/3/events"), query, body, now);
    }

    static void assertRefused(Optional<String> verdict, String expectedFragment) {
        assertTrue(verdict.isPresent(), "expected a refusal mentioning '" + expectedFragment + "'");
        assertTrue(verdict.get().contains(expectedFragment), verdict.get());
    }

    @Test
    void the_post_vector_body_has_the_documented_body_md5() {
        assertEquals(BODY_MD5, Hmac.md5Hex(BODY));
    }

    @Test
    void the_post_vector_canonical_query_excludes_the_signature_and_is_sorted() {
        assertEquals(POST_CANONICAL, ApiSignature.canonicalQuery(postQuery()));
    }

    @Test
    void the_post_vector_string_to_sign_gives_the_documented_signature() {
        String toSign = ApiSignature.stringToSign("POST", "/apps/3/events", POST_CANONICAL);
        assertEquals("POST\n/apps/3/events\n" + POST_CANONICAL, toSign);
        assertEquals(POST_SIGNATURE, Hmac.sha256Hex(SECRET, toSign));
    }

    @Test
    void the_get_vector_gives_the_documented_signature() {
        assertEquals(GET_CANONICAL, ApiSignature.canonicalQuery(getQuery()));
        assertEquals(GET_SIGNATURE,
                Hmac.sha256Hex(SECRET, ApiSignature.stringToSign("GET", "/apps/3/channels", GET_CANONICAL)));
    }

    @Test
    void the_string_to_sign_upper_cases_the_method() {
        assertEquals("GET\n/apps/3/channels\na=1", ApiSignature.stringToSign("get", "/apps/3/channels", "a=1"));
    }

    @Test
    void the_canonical_query_lower_cases_keys_and_sorts_them_by_byte_order() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Zeta", "Z");
        query.put("b", "2");
        query.put("A_b", "3");
        query.put("ab", "4");
        query.put("AUTH_SIGNATURE", "dropped");
        query.put("auth_signature", "dropped-too");
        // '_' (0x5F) sorts before 'b' (0x62); values keep their case and are not URL-encoded
        assertEquals("a_b=3&ab=4&b=2&zeta=Z", ApiSignature.canonicalQuery(query));
    }

    @Test
    void the_canonical_query_keeps_values_unencoded() {
        Map<String, String> query = new HashMap<>();
        query.put("filter_by_prefix", "presence-a b&c=d");
        assertEquals("filter_by_prefix=presence-a b&c=d", ApiSignature.canonicalQuery(query));
    }

    @Test
    void the_canonical_query_of_no_parameters_is_empty() {
        assertEquals("", ApiSignature.canonicalQuery(Map.of("auth_signature", "x")));
    }

    @Test
    void verify_accepts_the_documented_post_request() {
        assertEquals(Optional.empty(), verifyPost(postQuery(), BODY, TIMESTAMP));
    }

    @Test
    void verify_accepts_the_documented_get_request() {
        assertEquals(Optional.empty(),
                ApiSignature.verify(APP, "GET", List.of("/apps/3/channels"), getQuery(), new byte[0], TIMESTAMP));
        assertEquals(Optional.empty(),
                ApiSignature.verify(APP, "GET", List.of("/apps/3/channels"), getQuery(), null, TIMESTAMP));
    }

    @Test
    void verify_accepts_an_upper_case_hex_signature() {
        Map<String, String> query = postQuery();
        query.put("auth_signature", POST_SIGNATURE.toUpperCase());
        assertEquals(Optional.empty(), verifyPost(query, BODY, TIMESTAMP));
    }

    @Test
    void verify_accepts_a_timestamp_exactly_600_seconds_off_either_way() {
        assertEquals(Optional.empty(), verifyPost(postQuery(), BODY, TIMESTAMP + 600));
        assertEquals(Optional.empty(), verifyPost(postQuery(), BODY, TIMESTAMP - 600));
    }

    @Test
    void verify_refuses_a_timestamp_601_seconds_in_the_past() {
        assertRefused(verifyPost(postQuery(), BODY, TIMESTAMP + 601), "Timestamp expired");
    }

    @Test
    void verify_refuses_a_timestamp_601_seconds_in_the_future() {
        assertRefused(verifyPost(postQuery(), BODY, TIMESTAMP - 601), "Timestamp expired");
    }

    @Test
    void verify_refuses_a_body_that_does_not_match_body_md5() {
        byte[] other = "{\"name\":\"foo\",\"channels\":[\"project-4\"],\"data\":\"{}\"}".getBytes(StandardCharsets.UTF_8);
        // the signature is valid for the query; only the body was swapped
        assertRefused(verifyPost(postQuery(), other, TIMESTAMP), "body_md5 does not match");
    }

    @Test
    void verify_refuses_a_body_without_body_md5_even_when_the_query_is_signed() {
        Map<String, String> query = postQuery();
        query.remove("body_md5");
        Map<String, String> resigned = signed(SECRET, "POST", "/apps/3/events", query);
        assertRefused(verifyPost(resigned, BODY, TIMESTAMP), "body_md5 is required");
    }

    @Test
    void verify_refuses_another_apps_key_even_when_signed_with_the_right_secret() {
        Map<String, String> query = postQuery();
        query.put("auth_key", "278d425bdf160c739804");
        Map<String, String> resigned = signed(SECRET, "POST", "/apps/3/events", query);
        assertRefused(verifyPost(resigned, BODY, TIMESTAMP), "Unknown auth_key");
    }

    @Test
    void verify_refuses_a_request_signed_with_another_secret() {
        Map<String, String> resigned = signed("7ad3773142a6692b25b9", "POST", "/apps/3/events", postQuery());
        assertRefused(verifyPost(resigned, BODY, TIMESTAMP), "Invalid signature");
    }

    @Test
    void verify_refuses_a_signature_for_another_method() {
        Map<String, String> resigned = signed(SECRET, "GET", "/apps/3/events", postQuery());
        assertRefused(verifyPost(resigned, BODY, TIMESTAMP), "Invalid signature");
    }

    @Test
    void verify_refuses_a_query_changed_after_signing() {
        Map<String, String> query = postQuery();
        query.put("extra", "1");
        assertRefused(verifyPost(query, BODY, TIMESTAMP), "Invalid signature");
    }

    @Test
    void verify_refuses_a_non_numeric_timestamp() {
        Map<String, String> query = postQuery();
        query.put("auth_timestamp", "yesterday");
        Map<String, String> resigned = signed(SECRET, "POST", "/apps/3/events", query);
        assertRefused(verifyPost(resigned, BODY, TIMESTAMP), "auth_timestamp must be Unix seconds");
    }

    @Test
    void verify_refuses_an_unsupported_auth_version() {
        Map<String, String> query = postQuery();
        query.put("auth_version", "2.0");
        Map<String, String> resigned = signed(SECRET, "POST", "/apps/3/events", query);
        assertRefused(verifyPost(resigned, BODY, TIMESTAMP), "Unsupported auth_version");
    }

    @Test
    void verify_refuses_a_request_missing_auth_key_timestamp_or_signature() {
        for (String missing : List.of("auth_key", "auth_timestamp", "auth_signature")) {
            Map<String, String> query = postQuery();
            query.remove(missing);
            assertRefused(verifyPost(query, BODY, TIMESTAMP), "Missing auth_key, auth_timestamp or auth_signature");
        }
    }

    @Test
    void verify_accepts_a_signature_over_the_path_without_the_context_root() {
        List<String> candidates = List.of("/ctx/apps/3/events", "/apps/3/events");
        assertEquals(Optional.empty(),
                ApiSignature.verify(APP, "POST", candidates, postQuery(), BODY, TIMESTAMP));
    }

    @Test
    void verify_accepts_a_signature_over_the_path_with_the_context_root() {
        Map<String, String> query = signed(SECRET, "POST", "/ctx/apps/3/events", postQuery());
        List<String> candidates = List.of("/ctx/apps/3/events", "/apps/3/events");
        assertEquals(Optional.empty(), ApiSignature.verify(APP, "POST", candidates, query, BODY, TIMESTAMP));
    }

    @Test
    void verify_refuses_a_signature_over_a_path_that_is_not_a_candidate() {
        Map<String, String> query = signed(SECRET, "POST", "/other/apps/3/events", postQuery());
        List<String> candidates = List.of("/ctx/apps/3/events", "/apps/3/events");
        assertRefused(ApiSignature.verify(APP, "POST", candidates, query, BODY, TIMESTAMP), "Invalid signature");
    }

    @Test
    void verify_refuses_when_there_is_no_candidate_path() {
        assertRefused(ApiSignature.verify(APP, "POST", List.of(), postQuery(), BODY, TIMESTAMP), "Invalid signature");
    }

    @Test
    void a_timestamp_far_enough_away_to_overflow_a_subtraction_is_still_expired() {
        long now = TIMESTAMP;
        Map<String, String> query = new HashMap<>();
        query.put("auth_key", KEY);
        query.put("auth_timestamp", Long.toString(Long.MIN_VALUE + now));
        query.put("auth_version", "1.0");
        query.put("body_md5", BODY_MD5);
        assertRefused(verifyPost(signed(SECRET, "POST", "/apps/3/events", query), BODY, now), "Timestamp expired");
    }
}
