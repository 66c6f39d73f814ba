package io.zintrust.socket.apps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seven webhook event types, by the names Pusher sends them under. */
public enum WebhookEvent {
    CHANNEL_OCCUPIED, CHANNEL_VACATED, MEMBER_ADDED, MEMBER_REMOVED, CLIENT_EVENT, CACHE_MISS, SUBSCRIPTION_COUNT;

    /** The name on the wire and in the configuration, e.g. {@code channel_occupied}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookEvent> named(String wireName) {
        for (WebhookEvent event : values()) {
            if (event.wireName().equals(wireName)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** The accepted names, comma-separated, for error messages. */
    static String accepted() {
        return Arrays.stream(values()).map(WebhookEvent::wireName).collect(Collectors.joining(", "));
    }
}
