package io.zintrust.socket.console;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonObjectBuilder;

/** What the console's log shows of an activity, as one JSON object; null for what it does not show. */
final class ConsoleEvents {

    /** Event data is cut to this many characters in the log. */
    static final int DATA_SHOWN = 500;

    private ConsoleEvents() {
    }

    static String of(Activity activity, long atMillis) {
        JsonObjectBuilder line = JsonText.JSON.createObjectBuilder().add("time", atMillis);
        if (activity instanceof Activity.ConnectionOpened o) {
            line.add("type", "connected").add("socket_id", o.socketId());
        } else if (activity instanceof Activity.ConnectionClosed c) {
            line.add("type", "disconnected").add("socket_id", c.socketId()).add("code", c.closeCode());
        } else if (activity instanceof Activity.Subscribed s) {
            line.add("type", "subscribed").add("channel", s.channel()).add("channel_type", s.channelType());
        } else if (activity instanceof Activity.ChannelOccupied o) {
            line.add("type", "occupied").add("channel", o.channel());
        } else if (activity instanceof Activity.ChannelVacated v) {
            line.add("type", "vacated").add("channel", v.channel());
        } else if (activity instanceof Activity.MemberAdded m) {
            line.add("type", "member_added").add("channel", m.channel()).add("user_id", m.userId());
        } else if (activity instanceof Activity.MemberRemoved m) {
            line.add("type", "member_removed").add("channel", m.channel()).add("user_id", m.userId());
        } else if (activity instanceof Activity.EventPublished p) {
            var channels = JsonText.JSON.createArrayBuilder();
            p.channels().forEach(channels::add);
            line.add("type", "publish").add("channels", channels).add("event", p.event()).add("data", cut(p.data()));
        } else if (activity instanceof Activity.ClientEventSent c) {
            line.add("type", "client_event").add("channel", c.channel()).add("event", c.event())
                    .add("socket_id", c.socketId()).add("data", cut(c.dataJson()));
        } else if (activity instanceof Activity.UserSignedIn u) {
            line.add("type", "signed_in").add("socket_id", u.socketId()).add("user_id", u.userId());
        } else if (activity instanceof Activity.WebhookSent w) {
            line.add("type", "webhook").add("url", w.url()).add("events", w.events()).add("outcome", w.outcome());
        } else {
            return null;
        }
        return line.build().toString();
    }

    private static String cut(String data) {
        if (data == null) {
            return "";
        }
        return data.length() <= DATA_SHOWN ? data : data.substring(0, DATA_SHOWN) + "…";
    }
}
