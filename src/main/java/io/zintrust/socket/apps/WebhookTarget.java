package io.zintrust.socket.apps;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * One receiver of an app's webhooks: where to POST, which event types it wants, extra headers to send,
 * and an optional channel-name filter (both parts must match when both are given).
 *
 * @param prefix only channels whose name starts with it; null: any
 * @param suffix only channels whose name ends with it; null: any
 */
public record WebhookTarget(URI url, Set<WebhookEvent> events, Map<String, String> headers, String prefix,
                            String suffix) {

    public WebhookTarget {
        events = Set.copyOf(events);
        headers = Map.copyOf(headers);
    }

    /** A target for every event type on every channel, without extra headers. */
    public static WebhookTarget everything(URI url) {
        return new WebhookTarget(url, Set.of(WebhookEvent.values()), Map.of(), null, null);
    }

    public boolean wants(WebhookEvent event, String channel) {
        return events.contains(event) && (prefix == null || channel.startsWith(prefix))
                && (suffix == null || channel.endsWith(suffix));
    }
}
