package io.zintrust.socket.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The checks a webhook target's parts pass, shared by the environment and the apps file. */
final class WebhookTargets {

    // the JDK's HttpClient refuses these, and the signature headers are ours to set
    private static final Set<String> RESERVED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "content-type", "x-pusher-key", "x-pusher-signature", "webhook-id");
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private WebhookTargets() {
    }

    /** An http or https URL with a host; otherwise the error names {@code where}. */
    static URI url(String value, String where) {
        try {
            URI url = new URI(value.trim());
            if (("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new InvalidConfigurationException(where + " must be an http:// or https:// URL with a host; got '"
                + value + "'");
    }

    static Set<WebhookEvent> events(List<String> names, String where) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String name : names) {
            events.add(WebhookEvent.named(name.trim()).orElseThrow(() -> new InvalidConfigurationException(
                    where + " names the unknown event type '" + name + "'; accepted: " + WebhookEvent.accepted())));
        }
        if (events.isEmpty()) {
            throw new InvalidConfigurationException(where + " lists no event types; accepted: "
                    + WebhookEvent.accepted());
        }
        return events;
    }

    static void header(String name, String value, String where) {
        if (!TOKEN.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidConfigurationException(where + " cannot set the header '" + name + "': it is not a"
                    + " header name or is one the server sets itself (" + String.join(", ", RESERVED) + ")");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new InvalidConfigurationException(where + " header '" + name + "' holds control characters");
        }
    }
}
