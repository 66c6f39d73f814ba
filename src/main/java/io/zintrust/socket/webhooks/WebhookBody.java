package io.zintrust.socket.webhooks;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.WebhookTarget;
import io.zintrust.socket.signature.Hmac;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body and the headers of a webhook POST (PROTOCOL.md section 4). */
final class WebhookBody {

    private WebhookBody() {
    }

    static String of(long timeMs, List<OutgoingEvent> events) {
        StringBuilder body = new StringBuilder(32 + events.size() * 96).append("{\"time_ms\":").append(timeMs)
                .append(",\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            body.append(i == 0 ? "" : ",").append(events.get(i).json());
        }
        return body.append("]}").toString();
    }

    /**
     * The headers of every attempt. Content-Type carries no charset: the npm library's validation
     * compares it with {@code ===}.
     */
    static Map<String, String> headers(App app, WebhookTarget target, String body, String id) {
        Map<String, String> headers = new LinkedHashMap<>(target.headers());
        headers.put("Content-Type", "application/json");
        headers.put("X-Pusher-Key", app.key());
        headers.put("X-Pusher-Signature", Hmac.sha256Hex(app.secret(), body));
        headers.put("Webhook-Id", id);
        return headers;
    }
}
