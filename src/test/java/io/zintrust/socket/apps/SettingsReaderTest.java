package io.zintrust.socket.apps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Environment variables to settings: defaults, aliases and fail-fast messages. */
class SettingsReaderTest {

    /** The three app variables under their primary names, plus {@code extra} name/value pairs. */
    static Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PUSHER_APP_ID", "app-1");
        env.put("PUSHER_APP_KEY", "key-1");
        env.put("PUSHER_APP_SECRET", "secret-1");
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    static SocketSettings read(Map<String, String> env) {
        return new SettingsReader(name -> Optional.ofNullable(env.get(name))).read();
    }

    static InvalidConfigurationException invalid(Map<String, String> env, String... fragments) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> read(env));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
        }
        return e;
    }

    @Test
    void the_defaults_apply_when_only_the_app_is_configured() {
        SocketSettings settings = read(env());
        assertTrue(settings.enabled());
        assertEquals(Transport.AUTO, settings.transport());
        assertEquals("/app", settings.path());
        assertEquals(120, settings.activityTimeout());
        assertEquals(30, settings.pongTimeout());
        assertEquals(AuthPolicyMode.DENY, settings.authPolicy());
        assertTrue(settings.clientEvents());
        assertEquals(1000, settings.outboundQueueLimit());
        assertEquals(new App("app-1", "key-1", "secret-1"), settings.app());
    }

    @Test
    void explicit_values_replace_the_defaults() {
        SocketSettings settings = read(env("SOCKET_TRANSPORT", "Cluster", "SOCKET_PATH", "/ws/app",
                "BROADCAST_ACTIVITY_TIMEOUT", "45", "SOCKET_PONG_TIMEOUT", "10", "SOCKET_AUTH_POLICY", "ALLOW",
                "SOCKET_CLIENT_EVENTS", "off", "SOCKET_OUTBOUND_QUEUE_LIMIT", "50"));
        assertEquals(Transport.CLUSTER, settings.transport());
        assertEquals("/ws/app", settings.path());
        assertEquals(45, settings.activityTimeout());
        assertEquals(10, settings.pongTimeout());
        assertEquals(AuthPolicyMode.ALLOW, settings.authPolicy());
        assertFalse(settings.clientEvents());
        assertEquals(50, settings.outboundQueueLimit());
    }

    @Test
    void values_are_trimmed() {
        SocketSettings settings = read(env("SOCKET_TRANSPORT", " node ", "BROADCAST_ACTIVITY_TIMEOUT", " 60 ",
                "PUSHER_APP_KEY", "  key-2\t"));
        assertEquals(Transport.NODE, settings.transport());
        assertEquals(60, settings.activityTimeout());
        assertEquals("key-2", settings.app().key());
    }

    @ParameterizedTest(name = "[{0}] is true")
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "on"})
    void boolean_settings_accept_the_true_spellings(String value) {
        assertTrue(read(env("SOCKET_CLIENT_EVENTS", value)).clientEvents());
    }

    @ParameterizedTest(name = "[{0}] is false")
    @ValueSource(strings = {"false", "False", "0", "no", "off"})
    void boolean_settings_accept_the_false_spellings(String value) {
        assertFalse(read(env("SOCKET_CLIENT_EVENTS", value)).clientEvents());
    }

    @Test
    void pusher_app_key_wins_over_broadcast_auth_key_and_broadcast_app_key() {
        assertEquals("key-1", read(env("BROADCAST_AUTH_KEY", "auth-key", "BROADCAST_APP_KEY", "app-key")).app().key());
    }

    @Test
    void broadcast_auth_key_wins_over_broadcast_app_key() {
        Map<String, String> env = env("BROADCAST_AUTH_KEY", "auth-key", "BROADCAST_APP_KEY", "app-key");
        env.remove("PUSHER_APP_KEY");
        assertEquals("auth-key", read(env).app().key());
    }

    @Test
    void broadcast_app_key_is_the_last_key_alias() {
        Map<String, String> env = env("BROADCAST_APP_KEY", "app-key");
        env.remove("PUSHER_APP_KEY");
        assertEquals("app-key", read(env).app().key());
    }

    @Test
    void pusher_app_secret_wins_over_broadcast_secret_and_broadcast_app_secret() {
        assertEquals("secret-1",
                read(env("BROADCAST_SECRET", "s2", "BROADCAST_APP_SECRET", "s3")).app().secret());
    }

    @Test
    void broadcast_secret_wins_over_broadcast_app_secret() {
        Map<String, String> env = env("BROADCAST_SECRET", "s2", "BROADCAST_APP_SECRET", "s3");
        env.remove("PUSHER_APP_SECRET");
        assertEquals("s2", read(env).app().secret());
        env.remove("BROADCAST_SECRET");
        assertEquals("s3", read(env).app().secret());
    }

    @Test
    void pusher_app_id_wins_over_broadcast_app_id() {
        assertEquals("app-1", read(env("BROADCAST_APP_ID", "app-2")).app().id());
        Map<String, String> env = env("BROADCAST_APP_ID", "app-2");
        env.remove("PUSHER_APP_ID");
        assertEquals("app-2", read(env).app().id());
    }

    @Test
    void blank_values_are_ignored_in_favour_of_the_next_alias() {
        Map<String, String> env = env("PUSHER_APP_KEY", "   ", "BROADCAST_AUTH_KEY", "", "BROADCAST_APP_KEY", "app-key",
                "PUSHER_APP_ID", " ", "BROADCAST_APP_ID", "app-2");
        SocketSettings settings = read(env);
        assertEquals("app-key", settings.app().key());
        assertEquals("app-2", settings.app().id());
    }

    @Test
    void blank_values_fall_back_to_the_defaults() {
        SocketSettings settings = read(env("SOCKET_TRANSPORT", " ", "SOCKET_PATH", "", "BROADCAST_ACTIVITY_TIMEOUT", "\t",
                "SOCKET_ENABLED", "  ", "SOCKET_AUTH_POLICY", ""));
        assertEquals(Transport.AUTO, settings.transport());
        assertEquals("/app", settings.path());
        assertEquals(120, settings.activityTimeout());
        assertTrue(settings.enabled());
        assertEquals(AuthPolicyMode.DENY, settings.authPolicy());
    }

    @Test
    void an_unknown_transport_names_the_variable_and_the_accepted_values() {
        invalid(env("SOCKET_TRANSPORT", "redis"), "SOCKET_TRANSPORT", "auto", "node", "cluster", "'redis'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloudflare", "Cloudflare", " CLOUDFLARE "})
    void the_node_packages_cloudflare_transport_is_refused_pointing_to_cluster_or_auto(String value) {
        InvalidConfigurationException e = invalid(env("SOCKET_TRANSPORT", value),
                "SOCKET_TRANSPORT=cloudflare is the Node package's Durable Object transport",
                "set SOCKET_TRANSPORT=cluster (Payara Micro's data grid) or auto");
        assertFalse(e.getMessage().contains("accepts"), e.getMessage());
    }

    @Test
    void an_unknown_auth_policy_names_the_variable_and_the_accepted_values() {
        invalid(env("SOCKET_AUTH_POLICY", "maybe"), "SOCKET_AUTH_POLICY", "deny", "allow", "'maybe'");
    }

    @Test
    void a_non_numeric_activity_timeout_names_the_variable_and_the_accepted_values() {
        invalid(env("BROADCAST_ACTIVITY_TIMEOUT", "2m"), "BROADCAST_ACTIVITY_TIMEOUT", "whole number", "above 0", "'2m'");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0", "-5"})
    void a_zero_or_negative_activity_timeout_is_refused(String value) {
        invalid(env("BROADCAST_ACTIVITY_TIMEOUT", value), "BROADCAST_ACTIVITY_TIMEOUT", "above 0", "'" + value + "'");
    }

    @Test
    void a_bad_pong_timeout_names_its_variable() {
        invalid(env("SOCKET_PONG_TIMEOUT", "0"), "SOCKET_PONG_TIMEOUT", "seconds above 0");
        invalid(env("SOCKET_PONG_TIMEOUT", "1.5"), "SOCKET_PONG_TIMEOUT", "'1.5'");
    }

    @Test
    void a_bad_outbound_queue_limit_names_its_variable() {
        invalid(env("SOCKET_OUTBOUND_QUEUE_LIMIT", "lots"), "SOCKET_OUTBOUND_QUEUE_LIMIT", "frames above 0", "'lots'");
    }

    @Test
    void a_path_without_a_leading_slash_is_refused() {
        invalid(env("SOCKET_PATH", "app"), "SOCKET_PATH", "start with '/'", "'app'");
    }

    @Test
    void a_path_ending_in_a_slash_is_refused() {
        invalid(env("SOCKET_PATH", "/app/"), "SOCKET_PATH", "not end with '/'", "'/app/'");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/", "/a{key}", "/my app"})
    void a_path_that_is_root_templated_or_spaced_is_refused(String path) {
        invalid(env("SOCKET_PATH", path), "SOCKET_PATH", "'" + path + "'");
    }

    @Test
    void a_nested_path_is_accepted() {
        assertEquals("/pusher/app", read(env("SOCKET_PATH", "/pusher/app")).path());
    }

    @Test
    void a_bad_boolean_names_the_variable_and_the_accepted_values() {
        invalid(env("SOCKET_ENABLED", "enabled"), "SOCKET_ENABLED", "true or false", "'enabled'");
        invalid(env("SOCKET_CLIENT_EVENTS", "2"), "SOCKET_CLIENT_EVENTS", "true or false", "'2'");
    }

    @Test
    void a_missing_key_while_enabled_names_the_variable_and_its_aliases() {
        Map<String, String> env = env();
        env.remove("PUSHER_APP_KEY");
        invalid(env, "PUSHER_APP_KEY is required", "BROADCAST_AUTH_KEY", "BROADCAST_APP_KEY");
    }

    @Test
    void a_missing_secret_while_enabled_names_the_variable() {
        Map<String, String> env = env();
        env.remove("PUSHER_APP_SECRET");
        invalid(env, "PUSHER_APP_SECRET is required", "BROADCAST_SECRET", "BROADCAST_APP_SECRET");
    }

    @Test
    void a_missing_id_while_enabled_names_the_variable() {
        Map<String, String> env = env("SOCKET_ENABLED", "true");
        env.remove("PUSHER_APP_ID");
        invalid(env, "PUSHER_APP_ID is required", "BROADCAST_APP_ID");
    }

    @Test
    void nothing_configured_at_all_fails_while_enabled() {
        assertThrows(InvalidConfigurationException.class, () -> read(Map.of()));
    }

    @Test
    void disabled_without_any_app_is_fine() {
        SocketSettings settings = read(Map.of("SOCKET_ENABLED", "false"));
        assertFalse(settings.enabled());
        assertNull(settings.app());
        assertTrue(settings.describe().contains("app=none"), settings.describe());
    }

    @Test
    void disabled_with_a_partial_app_is_fine_and_has_no_app() {
        Map<String, String> env = env("SOCKET_ENABLED", "false");
        env.remove("PUSHER_APP_SECRET");
        assertNull(read(env).app());
    }

    @Test
    void disabled_with_a_full_app_keeps_the_app() {
        assertEquals("key-1", read(env("SOCKET_ENABLED", "0")).app().key());
    }

    @Test
    void describe_masks_the_secret() {
        String secret = "7ad3773142a6692b25b8";
        String description = read(env("PUSHER_APP_SECRET", secret)).describe();
        assertFalse(description.contains(secret), description);
        assertFalse(description.contains(secret.substring(0, 6)), description);
        assertTrue(description.contains("appSecret=7a********"), description);
        assertTrue(description.contains("appKey=key-1"), description);
        assertTrue(description.contains("appId=app-1"), description);
    }

    @Test
    void describe_lists_the_effective_settings() {
        String description = read(env("SOCKET_TRANSPORT", "node")).describe();
        assertTrue(description.startsWith("enabled=true, transport=node, path=/app, activityTimeout=120s, "
                + "pongTimeout=30s, authPolicy=deny, clientEvents=true, outboundQueueLimit=1000"), description);
    }

    @Test
    void no_cors_origin_is_allowed_by_default_and_describe_leaves_them_out() {
        SocketSettings settings = read(env());
        assertEquals(List.of(), settings.corsOrigins());
        assertFalse(settings.describe().contains("corsOrigins"), settings.describe());
    }

    @Test
    void cors_origins_are_a_comma_separated_list_written_as_browsers_send_origin() {
        SocketSettings settings = read(env("SOCKET_CORS_ORIGINS",
                " HTTPS://App.Example.com , http://127.0.0.1:8099,,https://a.test:443,http://b.test:80,http://[::1]:3000,"
                        + "https://app.example.com"));
        assertEquals(List.of("https://app.example.com", "http://127.0.0.1:8099", "https://a.test", "http://b.test",
                "http://[::1]:3000"), settings.corsOrigins());
        assertTrue(settings.describe().endsWith(", corsOrigins=https://app.example.com,http://127.0.0.1:8099,"
                + "https://a.test,http://b.test,http://[::1]:3000"), settings.describe());
    }

    @Test
    void a_star_allows_every_cors_origin() {
        assertEquals(List.of("*"), read(env("SOCKET_CORS_ORIGINS", " * ")).corsOrigins());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"https://app.example.com/", "https://app.example.com/path", "app.example.com",
            "http://127.0.0.1:99999", "http://127.0.0.1:0", "http://127.0.0.1:", "https://*.example.com",
            "https://user@app.example.com", "https://app.example.com?x=1", "//app.example.com", "http://"})
    void a_cors_origin_with_a_path_no_scheme_or_a_bad_port_is_refused_naming_the_variable_and_the_entry(String entry) {
        invalid(env("SOCKET_CORS_ORIGINS", "http://ok.test," + entry), "SOCKET_CORS_ORIGINS",
                "scheme://host[:port]", "got '" + entry + "'");
    }

    @Test
    void a_star_beside_other_cors_origins_is_refused_as_ambiguous() {
        invalid(env("SOCKET_CORS_ORIGINS", "*,https://app.example.com"), "SOCKET_CORS_ORIGINS", "'*'", "alone");
    }

    @Test
    void a_very_short_secret_is_fully_hidden() {
        assertEquals("***", new App("i", "k", "ab").maskedSecret());
        String description = read(env("PUSHER_APP_SECRET", "xy")).describe();
        assertTrue(description.contains("appSecret=***"), description);
        assertFalse(description.contains("xy"), description);
    }

    @Test
    void the_jwt_policy_reads_microprofile_jwts_own_names() {
        SocketSettings settings = read(env("SOCKET_AUTH_POLICY", "jwt", "mp.jwt.verify.publickey", "PEM",
                "mp.jwt.verify.issuer", "https://issuer", "mp.jwt.verify.clock.skew", "5"));
        AuthSettings auth = settings.auth();
        assertEquals(AuthPolicyMode.JWT, auth.mode());
        assertEquals(new JwtSettings("PEM", null, "https://issuer", 5), auth.jwt());
        assertTrue(auth.verifiesTokens());
        assertTrue(settings.describe().contains("authPolicy=jwt, jwtIssuer=https://issuer"), settings.describe());
    }

    @Test
    void the_jwt_policy_without_a_key_stops_startup_naming_both_variables() {
        invalid(env("SOCKET_AUTH_POLICY", "jwt"), "SOCKET_AUTH_POLICY=jwt", "MP_JWT_VERIFY_PUBLICKEY",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertEquals("file.pem", read(env("SOCKET_AUTH_POLICY", "jwt", "mp.jwt.verify.publickey.location", "file.pem"))
                .auth().jwt().publicKeyLocation());
    }

    @Test
    void a_key_is_only_used_by_the_policies_that_verify_tokens() {
        assertFalse(read(env("SOCKET_AUTH_POLICY", "allow", "mp.jwt.verify.publickey", "PEM")).auth().verifiesTokens());
        assertTrue(read(env("SOCKET_AUTH_POLICY", "custom", "mp.jwt.verify.publickey", "PEM")).auth().verifiesTokens());
        assertFalse(read(env("SOCKET_AUTH_POLICY", "custom")).auth().verifiesTokens());
    }

    @Test
    void the_url_policy_needs_an_http_url_and_takes_a_timeout() {
        AuthSettings auth = read(env("SOCKET_AUTH_POLICY", "url", "SOCKET_AUTH_URL", "http://127.0.0.1:8000/authorize",
                "SOCKET_AUTH_URL_TIMEOUT_MS", "750")).auth();
        assertEquals(java.net.URI.create("http://127.0.0.1:8000/authorize"), auth.url());
        assertEquals(java.time.Duration.ofMillis(750), auth.urlTimeout());
        assertEquals(java.time.Duration.ofMillis(2000),
                read(env("SOCKET_AUTH_POLICY", "url", "SOCKET_AUTH_URL", "https://app.example/a")).auth().urlTimeout());
        invalid(env("SOCKET_AUTH_POLICY", "url"), "SOCKET_AUTH_URL");
        invalid(env("SOCKET_AUTH_POLICY", "url", "SOCKET_AUTH_URL", "ftp://x/y"), "SOCKET_AUTH_URL", "ftp://x/y");
        invalid(env("SOCKET_AUTH_POLICY", "url", "SOCKET_AUTH_URL", "/relative"), "SOCKET_AUTH_URL");
        invalid(env("SOCKET_AUTH_POLICY", "url", "SOCKET_AUTH_URL", "http://a/b", "SOCKET_AUTH_URL_TIMEOUT_MS", "0"),
                "SOCKET_AUTH_URL_TIMEOUT_MS");
    }

    @Test
    void an_unknown_policy_lists_all_five() {
        invalid(env("SOCKET_AUTH_POLICY", "oauth"), "deny, allow, jwt, url, custom", "'oauth'");
    }

    @Test
    void a_negative_clock_skew_is_refused() {
        invalid(env("SOCKET_AUTH_POLICY", "jwt", "mp.jwt.verify.publickey", "PEM", "mp.jwt.verify.clock.skew", "-1"),
                "mp.jwt.verify.clock.skew");
    }

    @Test
    void audiences_are_a_comma_list() {
        assertEquals(List.of("socket", "realtime"), read(env("SOCKET_AUTH_POLICY", "jwt", "mp.jwt.verify.publickey", "PEM",
                "mp.jwt.verify.audiences", "socket, realtime,")).auth().jwt().audiences());
    }

    @Test
    void a_secret_shaped_like_a_jwt_is_refused_where_tokens_are_verified() {
        Map<String, String> env = env("SOCKET_AUTH_POLICY", "jwt", "mp.jwt.verify.publickey", "PEM");
        env.put("PUSHER_APP_SECRET", "a.b.c");
        invalid(env, "app-1", "two dots");
        env.put("SOCKET_AUTH_POLICY", "allow");
        assertEquals("a.b.c", read(env).app().secret());
    }

    @Test
    void webhook_delivery_defaults_and_overrides() {
        assertEquals(WebhookSettings.DEFAULTS, read(env()).webhooks());
        assertEquals(new WebhookSettings(250, 20, 4000, 300, 10_000), WebhookSettings.DEFAULTS);
        assertEquals(new WebhookSettings(100, 5, 1000, 6, 50), read(env("SOCKET_WEBHOOK_BATCH_MS", "100",
                "SOCKET_WEBHOOK_BATCH_SIZE", "5", "SOCKET_WEBHOOK_TIMEOUT_MS", "1000", "SOCKET_WEBHOOK_RETRY_S", "6",
                "SOCKET_WEBHOOK_QUEUE_LIMIT", "50")).webhooks());
        invalid(env("SOCKET_WEBHOOK_BATCH_SIZE", "0"), "SOCKET_WEBHOOK_BATCH_SIZE accepts a whole number of events above 0; got '0'");
        invalid(env("SOCKET_WEBHOOK_RETRY_S", "soon"), "SOCKET_WEBHOOK_RETRY_S accepts a whole number of seconds");
    }

    @Test
    void the_environment_app_sends_every_event_type_to_each_webhook_url_unless_told_which() {
        App app = read(env("SOCKET_WEBHOOK_URLS", "http://127.0.0.1:9000/a, https://hooks.example.com/b")).app();
        assertEquals(List.of(WebhookTarget.everything(java.net.URI.create("http://127.0.0.1:9000/a")),
                WebhookTarget.everything(java.net.URI.create("https://hooks.example.com/b"))), app.webhooks());
        App some = read(env("SOCKET_WEBHOOK_URLS", "http://127.0.0.1:9000/a",
                "SOCKET_WEBHOOK_EVENTS", "member_added, member_removed")).app();
        assertEquals(java.util.Set.of(WebhookEvent.MEMBER_ADDED, WebhookEvent.MEMBER_REMOVED),
                some.webhooks().get(0).events());
        assertEquals(List.of(), read(env()).app().webhooks());
        assertTrue(read(env("SOCKET_WEBHOOK_URLS", "http://127.0.0.1:9000/a")).describe()
                .contains("webhookTargets=1, webhookBatch=20/250ms"));
    }

    @Test
    void bad_webhook_variables_stop_startup_naming_the_entry() {
        invalid(env("SOCKET_WEBHOOK_URLS", "http://127.0.0.1:9000/a,127.0.0.1:9000/b"),
                "SOCKET_WEBHOOK_URLS entry 1 must be an http:// or https:// URL with a host; got '127.0.0.1:9000/b'");
        invalid(env("SOCKET_WEBHOOK_URLS", "http://127.0.0.1:9000/a", "SOCKET_WEBHOOK_EVENTS", "member_added,presence"),
                "SOCKET_WEBHOOK_EVENTS names the unknown event type 'presence'; accepted: channel_occupied,");
        invalid(env("SOCKET_WEBHOOK_EVENTS", "member_added"), "SOCKET_WEBHOOK_EVENTS is set without SOCKET_WEBHOOK_URLS");
        invalid(env("SOCKET_APPS_FILE", "/nowhere.json", "SOCKET_WEBHOOK_URLS", "http://127.0.0.1:9000/a"),
                "with SOCKET_APPS_FILE give each app its \"webhooks\"");
    }
}
