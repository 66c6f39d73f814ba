package io.zintrust.socket.channel;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.testing.FakeSocket;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Channel statistics for the HTTP API: this instance's table, the other instances' subscriptions, the ledger's users. */
class ChannelCensusTest {

    static final App APP = new App("app-1", "key-1", "secret-1");

    final ChannelFixture fixture = new ChannelFixture();
    final Map<String, Integer> elsewhere = new HashMap<>();
    final ChannelCensus census = new ChannelCensus();

    ChannelCensusTest() {
        census.channels = fixture.channels;
        census.ledger = fixture.ledger;
        census.remote = new RemoteChannels() {
            @Override
            public int subscriptionsElsewhere(App app, String channel) {
                return elsewhere.getOrDefault(channel, 0);
            }

            @Override
            public Map<String, Integer> occupiedElsewhere(App app, String prefix) {
                Map<String, Integer> found = new HashMap<>();
                elsewhere.forEach((name, count) -> {
                    if (name.startsWith(prefix)) {
                        found.put(name, count);
                    }
                });
                return found;
            }
        };
    }

    void subscribe(int sockets, String channel) {
        for (int i = 0; i < sockets; i++) {
            fixture.subscribe(new FakeSocket(channel + "." + i, APP), channel);
        }
    }

    @Test
    void a_channels_subscriptions_are_those_here_plus_those_elsewhere() {
        subscribe(2, "news");
        elsewhere.put("news", 3);
        assertEquals(new ChannelStats("news", 5, -1), census.stats(APP, "news"));
    }

    @Test
    void a_channel_occupied_only_elsewhere_counts_its_remote_subscriptions() {
        elsewhere.put("news", 4);
        assertEquals(new ChannelStats("news", 4, -1), census.stats(APP, "news"));
    }

    @Test
    void an_unoccupied_channel_has_no_subscriptions() {
        assertEquals(new ChannelStats("news", 0, -1), census.stats(APP, "news"));
        assertEquals(new ChannelStats("presence-room", 0, 0), census.stats(APP, "presence-room"));
    }

    @Test
    void alone_a_presence_channels_users_are_this_instances_distinct_users() {
        fixture.join(new FakeSocket("1.1", APP), "presence-room", new Member("7", "null"));
        fixture.join(new FakeSocket("1.2", APP), "presence-room", new Member("7", "null"));
        fixture.join(new FakeSocket("1.3", APP), "presence-room", new Member("9", "null"));
        assertEquals(new ChannelStats("presence-room", 3, 2), census.stats(APP, "presence-room"));
    }

    @Test
    void in_a_cluster_a_presence_channels_users_are_the_ledgers() {
        fixture.join(new FakeSocket("1.1", APP), "presence-room", new Member("7", "null"));
        elsewhere.put("presence-room", 4);
        Map<String, String> members = new LinkedHashMap<>();
        members.put("7", "null");
        members.put("20", "null");
        members.put("21", "null");
        fixture.ledger.members = members;
        assertEquals(new ChannelStats("presence-room", 5, 3), census.stats(APP, "presence-room"));
    }

    @Test
    void occupied_channels_merge_here_and_elsewhere_sorted_by_name_within_the_prefix() {
        subscribe(2, "news-b");
        subscribe(1, "news-a");
        subscribe(1, "sports");
        fixture.join(new FakeSocket("p.1", APP), "presence-news", new Member("7", "null"));
        elsewhere.put("news-b", 5);
        elsewhere.put("news-c", 1);
        elsewhere.put("other", 9);
        assertEquals(List.of(new ChannelStats("news-a", 1, -1), new ChannelStats("news-b", 7, -1),
                new ChannelStats("news-c", 1, -1)), census.occupied(APP, "news-"));
        assertEquals(List.of(new ChannelStats("presence-news", 1, 1)), census.occupied(APP, "presence-"));
    }

    @Test
    void a_presence_channel_occupied_only_elsewhere_reports_the_ledgers_users_or_none_alone() {
        elsewhere.put("presence-far", 2);
        assertEquals(List.of(new ChannelStats("presence-far", 2, 0)), census.occupied(APP, "presence-"));
        fixture.ledger.members = Map.of("30", "null");
        assertEquals(List.of(new ChannelStats("presence-far", 2, 1)), census.occupied(APP, "presence-"));
    }

    @Test
    void channels_of_other_apps_are_not_counted() {
        App other = new App("app-2", "key-2", "secret-2");
        fixture.subscribe(new FakeSocket("1.1", other), "news");
        assertEquals(new ChannelStats("news", 0, -1), census.stats(APP, "news"));
        assertEquals(List.of(), census.occupied(APP, ""));
    }
}
