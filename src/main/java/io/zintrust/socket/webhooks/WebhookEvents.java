package io.zintrust.socket.webhooks;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.WebhookEvent;
import io.zintrust.socket.protocol.Frames;

/**
 * The webhook event objects, exactly as Pusher sends them. Written by hand so that a client event's
 * {@code data} goes in as the JSON value the client sent, never re-serialized.
 */
final class WebhookEvents {

    private WebhookEvents() {
    }

    /** The webhook event for an activity, or null when webhooks do not report it. */
    static OutgoingEvent of(Activity activity) {
        if (activity instanceof Activity.ChannelOccupied o) {
            return channelOnly(WebhookEvent.CHANNEL_OCCUPIED, o.channel());
        }
        if (activity instanceof Activity.ChannelVacated v) {
            return channelOnly(WebhookEvent.CHANNEL_VACATED, v.channel());
        }
        if (activity instanceof Activity.MemberAdded m) {
            return member(WebhookEvent.MEMBER_ADDED, m.channel(), m.userId());
        }
        if (activity instanceof Activity.MemberRemoved m) {
            return member(WebhookEvent.MEMBER_REMOVED, m.channel(), m.userId());
        }
        if (activity instanceof Activity.ClientEventSent c) {
            StringBuilder json = start(WebhookEvent.CLIENT_EVENT, c.channel());
            json.append(",\"event\":").append(Frames.quote(c.event()))
                    .append(",\"data\":").append(c.dataJson())
                    .append(",\"socket_id\":").append(Frames.quote(c.socketId()));
            if (c.userId() != null) {
                json.append(",\"user_id\":").append(Frames.quote(c.userId()));
            }
            return new OutgoingEvent(WebhookEvent.CLIENT_EVENT, c.channel(), json.append('}').toString());
        }
        if (activity instanceof Activity.CacheMissed c) {
            return channelOnly(WebhookEvent.CACHE_MISS, c.channel());
        }
        if (activity instanceof Activity.SubscriptionCountChanged s) {
            String json = start(WebhookEvent.SUBSCRIPTION_COUNT, s.channel())
                    .append(",\"subscription_count\":").append(s.subscriptionCount()).append('}').toString();
            return new OutgoingEvent(WebhookEvent.SUBSCRIPTION_COUNT, s.channel(), json);
        }
        return null;
    }

    private static OutgoingEvent channelOnly(WebhookEvent type, String channel) {
        return new OutgoingEvent(type, channel, start(type, channel).append('}').toString());
    }

    private static OutgoingEvent member(WebhookEvent type, String channel, String userId) {
        return new OutgoingEvent(type, channel, start(type, channel).append(",\"user_id\":")
                .append(Frames.quote(userId)).append('}').toString());
    }

    private static StringBuilder start(WebhookEvent type, String channel) {
        return new StringBuilder(96).append("{\"name\":\"").append(type.wireName()).append("\",\"channel\":")
                .append(Frames.quote(channel));
    }
}
