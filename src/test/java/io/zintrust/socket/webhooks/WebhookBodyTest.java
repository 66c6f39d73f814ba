package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookEvent;
import io.zintrust.socket.apps.WebhookTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The body and headers, checked against PROTOCOL.md's signature vector. */
class WebhookBodyTest {

    private static final App APP = new App("3", "278d425bdf160c739803", "7ad3773142a6692b25b8");

    @Test
    void the_body_of_the_vector_is_signed_as_the_vector_says() {
        String body = WebhookBody.of(1327078148132L, List.of(
                new OutgoingEvent(WebhookEvent.CHANNEL_OCCUPIED, "test_channel",
                        "{\"name\":\"channel_occupied\",\"channel\":\"test_channel\"}")));
        assertEquals("{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test_channel\"}]}",
                body);
        Map<String, String> headers = WebhookBody.headers(APP, WebhookTarget.everything(URI.create("http://h.example")),
                body, "id-1");
        assertEquals("709fdb84c03664445f7698120b0edf0acc1ab1c8c6e93a0368c61841d6b998aa", headers.get("X-Pusher-Signature"));
    }

    @Test
    void the_headers_are_the_configured_ones_then_ours() {
        WebhookTarget target = new WebhookTarget(URI.create("http://h.example"), Set.of(WebhookEvent.CACHE_MISS),
                Map.of("X-Extra", "yes"), null, null);
        Map<String, String> headers = WebhookBody.headers(APP, target, "{}", "id-1");
        assertEquals(Map.of("X-Extra", "yes", "Content-Type", "application/json", "X-Pusher-Key", APP.key(),
                "X-Pusher-Signature", io.zintrust.socket.signature.Hmac.sha256Hex(APP.secret(), "{}"),
                "Webhook-Id", "id-1"), headers);
    }

    @Test
    void events_are_joined_in_order() {
        String body = WebhookBody.of(5, List.of(new OutgoingEvent(WebhookEvent.CACHE_MISS, "a", "{\"a\":1}"),
                new OutgoingEvent(WebhookEvent.CACHE_MISS, "b", "{\"b\":2}")));
        assertEquals("{\"time_ms\":5,\"events\":[{\"a\":1},{\"b\":2}]}", body);
    }
}
