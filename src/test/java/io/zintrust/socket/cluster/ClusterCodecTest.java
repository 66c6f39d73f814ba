package io.zintrust.socket.cluster;

import io.zintrust.socket.protocol.Frames;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cluster messages survive the trip through the topic as JSON text; anything else is refused. */
class ClusterCodecTest {

    /** Quotes, backslashes, newlines, non-ASCII and JSON text: what event data and frames hold. */
    static final String AWKWARD = "say \"hi\" \\ line1\nline2 \u00e9\u4e2d\ud83d\ude00 {\"id\":42}";

    static ClusterMessage roundTrip(ClusterMessage message) {
        return ClusterCodec.decode(ClusterCodec.encode(message));
    }

    @Test
    void a_publish_round_trips_with_its_channels_in_order_and_its_excepted_socket() {
        ClusterMessage.Publish publish = new ClusterMessage.Publish("app-1", List.of("b", "a", "#server-to-user-7"),
                "update", AWKWARD, "1.2");
        assertEquals(publish, roundTrip(publish));
    }

    @Test
    void a_publish_without_an_excepted_socket_round_trips_with_none() {
        ClusterMessage.Publish publish = new ClusterMessage.Publish("app-1", List.of("news"), "update", "x", null);
        ClusterMessage.Publish decoded = (ClusterMessage.Publish) roundTrip(publish);
        assertEquals(publish, decoded);
        assertNull(decoded.exceptSocketId());
    }

    @Test
    void a_relay_round_trips_with_its_frame_unchanged() {
        ClusterMessage.Relay relay = new ClusterMessage.Relay("app-1", "presence-room",
                Frames.clientEvent("client-x", "presence-room", "{\"s\":" + Frames.quote(AWKWARD) + "}", "7"));
        assertEquals(relay, roundTrip(relay));
    }

    @Test
    void a_terminate_round_trips() {
        ClusterMessage.Terminate terminate = new ClusterMessage.Terminate("app-1", "user \"7\"");
        assertEquals(terminate, roundTrip(terminate));
    }

    @Test
    void a_watch_round_trips_online_and_offline() {
        for (boolean online : new boolean[]{true, false}) {
            ClusterMessage.Watch watch = new ClusterMessage.Watch("app-1", "7", online);
            assertEquals(watch, roundTrip(watch));
        }
    }

    @Test
    void an_ask_about_one_channel_round_trips_with_its_channel() {
        ClusterMessage.Ask ask = (ClusterMessage.Ask) roundTrip(new ClusterMessage.Ask("q-1", "app-1", "news", null));
        assertEquals("q-1", ask.id());
        assertEquals("app-1", ask.appId());
        assertEquals("news", ask.channel());
    }

    @Test
    void an_ask_for_a_listing_round_trips_with_its_prefix_and_no_channel() {
        ClusterMessage.Ask ask = new ClusterMessage.Ask("q-2", "app-1", null, "presence-");
        assertEquals(ask, roundTrip(ask));
        ClusterMessage.Ask all = new ClusterMessage.Ask("q-3", "app-1", null, "");
        assertEquals(all, roundTrip(all));
    }

    @Test
    void an_answer_round_trips_with_its_counts() {
        Map<String, Integer> channels = new LinkedHashMap<>();
        channels.put("news", 3);
        channels.put("presence-room", 1);
        ClusterMessage.Answer answer = new ClusterMessage.Answer("q-1", "app-1", 4, channels);
        assertEquals(answer, roundTrip(answer));
        ClusterMessage.Answer empty = new ClusterMessage.Answer("q-2", "app-1", 0, Map.of());
        assertEquals(empty, roundTrip(empty));
    }

    @Test
    void text_that_is_no_json_object_is_refused() {
        for (String bad : List.of("", "not json", "[1,2]", "\"publish\"", "{\"t\":\"watch\"", "{} {}")) {
            assertThrows(IllegalArgumentException.class, () -> ClusterCodec.decode(bad), bad);
        }
    }

    @Test
    void an_unknown_or_missing_type_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ClusterCodec.decode("{\"app\":\"a\",\"t\":\"gossip\"}"));
        assertThrows(IllegalArgumentException.class, () -> ClusterCodec.decode("{\"app\":\"a\"}"));
        assertThrows(IllegalArgumentException.class, () -> ClusterCodec.decode("{\"app\":\"a\",\"t\":5}"));
    }

    @Test
    void a_message_missing_a_field_is_refused() {
        for (String bad : List.of("{\"t\":\"terminate\",\"user\":\"7\"}",
                "{\"app\":\"a\",\"t\":\"publish\",\"event\":\"e\",\"data\":\"d\"}",
                "{\"app\":\"a\",\"t\":\"relay\",\"channel\":\"c\"}",
                "{\"app\":\"a\",\"t\":\"watch\",\"user\":\"7\"}",
                "{\"app\":\"a\",\"t\":\"ask\"}",
                "{\"app\":\"a\",\"t\":\"answer\",\"id\":\"q\",\"channels\":{}}")) {
            assertThrows(IllegalArgumentException.class, () -> ClusterCodec.decode(bad), bad);
        }
    }

    @Test
    void a_message_with_a_mistyped_field_is_refused() {
        for (String bad : List.of("{\"app\":1,\"t\":\"terminate\",\"user\":\"7\"}",
                "{\"app\":\"a\",\"t\":\"watch\",\"user\":\"7\",\"online\":\"yes\"}",
                "{\"app\":\"a\",\"t\":\"publish\",\"channels\":\"news\",\"event\":\"e\",\"data\":\"d\"}",
                "{\"app\":\"a\",\"t\":\"publish\",\"channels\":[1],\"event\":\"e\",\"data\":\"d\"}",
                "{\"app\":\"a\",\"t\":\"answer\",\"id\":\"q\",\"subs\":\"1\",\"channels\":{}}",
                "{\"app\":\"a\",\"t\":\"answer\",\"id\":\"q\",\"subs\":1,\"channels\":{\"news\":\"3\"}}")) {
            assertThrows(IllegalArgumentException.class, () -> ClusterCodec.decode(bad), bad);
        }
    }
}
