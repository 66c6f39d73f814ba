package io.zintrust.socket.websocket;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.Admission;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.testing.Json;
import io.zintrust.socket.users.SignedInUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A closed socket's state is released once: the table, its channels, its sign-in. */
class SocketReleaseTest {

    static final App APP = new App("app-1", "key-1", "secret-1");

    final SocketFixture fixture = new SocketFixture();

    @Test
    void release_takes_the_socket_out_of_the_table_its_channels_and_its_sign_in() {
        SocketFixture.Client leaving = SocketFixture.client("1.1", APP);
        SocketFixture.Client staying = SocketFixture.client("1.2", APP);
        assertEquals(Admission.ADMITTED, fixture.table.admit(leaving.connection, -1));
        fixture.table.admit(staying.connection, -1);
        fixture.state.subscribe(leaving.connection, "news");
        fixture.state.join(leaving.connection, "presence-room", new Member("7", "null"));
        fixture.state.join(staying.connection, "presence-room", new Member("9", "null"));
        fixture.state.users.signIn(leaving.connection, SignedInUser.parse("{\"id\":\"7\"}").orElseThrow());
        staying.clear();

        fixture.release.release(leaving.connection);

        assertTrue(leaving.connection.isGone());
        assertEquals(Map.of("app-1", 1), fixture.table.countsByApp());
        assertTrue(leaving.connection.channels().isEmpty());
        assertNull(fixture.state.users.userOf(leaving.connection));
        assertEquals("7", Json.data(staying.only()).getString("user_id"), "the others hear the member leave");
        assertEquals("pusher_internal:member_removed", staying.only().getString("event"));
    }

    @Test
    void a_second_release_changes_nothing() {
        SocketFixture.Client client = SocketFixture.client("1.1", APP);
        fixture.table.admit(client.connection, -1);
        fixture.state.subscribe(client.connection, "news");
        fixture.release.release(client.connection);
        fixture.state.heard.clear();
        fixture.release.release(client.connection);
        assertEquals(List.of(), fixture.state.heard.all());
    }

    @Test
    void release_tells_the_close_before_the_channel_is_vacated() {
        SocketFixture.Client client = SocketFixture.client("1.1", APP);
        fixture.table.admit(client.connection, -1);
        fixture.state.subscribe(client.connection, "news");
        fixture.state.heard.clear();
        fixture.release.release(client.connection);
        assertEquals(List.of(new Activity.ConnectionClosed(APP, "1.1", 1006), new Activity.ChannelVacated(APP, "news")),
                fixture.state.heard.all());
    }
}
