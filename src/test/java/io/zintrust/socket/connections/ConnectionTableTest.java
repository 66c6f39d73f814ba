package io.zintrust.socket.connections;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.testing.AppBuilder;
import io.zintrust.socket.testing.FakeSocket;
import io.zintrust.socket.testing.RecordingListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admission under the per-app and server limits, and release of admitted sockets. */
class ConnectionTableTest {

    static final int NO_SERVER_QUOTA = -1;
    static final App UNLIMITED = new App("open-app", "open-key", "open-secret");
    static final App TWO = AppBuilder.app("two-app").maxConnections(2).build();

    final RecordingListener heard = new RecordingListener();
    final ConnectionFixture.Elsewhere elsewhere = new ConnectionFixture.Elsewhere();
    final ConnectionTable table = ConnectionFixture.table(Activities.of(heard), elsewhere);

    @Test
    void sockets_are_admitted_up_to_the_apps_quota_and_refused_past_it() {
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.1", TWO), NO_SERVER_QUOTA));
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.2", TWO), NO_SERVER_QUOTA));
        assertEquals(Admission.APP_FULL, table.admit(new FakeSocket("1.3", TWO), NO_SERVER_QUOTA));
        assertEquals(Map.of("two-app", 2), table.countsByApp());
        assertEquals(2, table.all().size());
    }

    @Test
    void an_apps_quota_counts_its_sockets_on_other_instances() {
        elsewhere.counts.put("two-app", 1);
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.1", TWO), NO_SERVER_QUOTA));
        assertEquals(Admission.APP_FULL, table.admit(new FakeSocket("1.2", TWO), NO_SERVER_QUOTA));
        elsewhere.counts.put("two-app", 5);
        table.remove(table.all().iterator().next());
        assertEquals(Admission.APP_FULL, table.admit(new FakeSocket("1.3", TWO), NO_SERVER_QUOTA),
                "more sockets elsewhere than the quota leaves no room here");
    }

    @Test
    void an_app_without_a_quota_is_not_limited_by_sockets_elsewhere() {
        elsewhere.counts.put("open-app", 1_000_000);
        for (int i = 0; i < 50; i++) {
            assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1." + i, UNLIMITED), NO_SERVER_QUOTA));
        }
    }

    @Test
    void the_server_quota_counts_the_sockets_of_every_app() {
        App other = new App("other-app", "other-key", "other-secret");
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.1", UNLIMITED), 2));
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.2", other), 2));
        assertEquals(Admission.SERVER_FULL, table.admit(new FakeSocket("1.3", other), 2));
        assertEquals(Map.of("open-app", 1, "other-app", 1), table.countsByApp());
    }

    @Test
    void a_refusal_leaves_room_for_the_next_socket_once_one_leaves() {
        FakeSocket first = new FakeSocket("1.1", TWO);
        table.admit(first, NO_SERVER_QUOTA);
        table.admit(new FakeSocket("1.2", TWO), NO_SERVER_QUOTA);
        assertEquals(Admission.APP_FULL, table.admit(new FakeSocket("1.3", TWO), NO_SERVER_QUOTA));
        assertEquals(Admission.SERVER_FULL, table.admit(new FakeSocket("1.4", UNLIMITED), 2));
        table.remove(first);
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.5", TWO), 3));
        assertEquals(Map.of("two-app", 2, "open-app", 0), table.countsByApp());
    }

    @Test
    void a_socket_id_already_held_is_refused_and_counts_nothing() {
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.1", TWO), NO_SERVER_QUOTA));
        FakeSocket twin = new FakeSocket("1.1", TWO);
        assertEquals(Admission.ID_TAKEN, table.admit(twin, NO_SERVER_QUOTA));
        assertEquals(Map.of("two-app", 1), table.countsByApp());
        assertEquals(Admission.ADMITTED, table.admit(new FakeSocket("1.2", TWO), 2), "the refusal took no room");
        assertFalse(table.remove(twin), "the refused twin does not remove the holder");
        assertEquals(2, table.all().size());
    }

    @Test
    void a_socket_is_removed_once() {
        FakeSocket socket = new FakeSocket("1.1", UNLIMITED);
        table.admit(socket, NO_SERVER_QUOTA);
        assertTrue(table.remove(socket));
        assertFalse(table.remove(socket));
        assertEquals(Map.of("open-app", 0), table.countsByApp());
        assertTrue(table.all().isEmpty());
    }

    @Test
    void a_socket_never_admitted_is_not_removed() {
        assertFalse(table.remove(new FakeSocket("1.1", UNLIMITED)));
        assertTrue(heard.all().isEmpty());
    }

    @Test
    void counts_are_kept_per_app() {
        App other = new App("other-app", "other-key", "other-secret");
        table.admit(new FakeSocket("1.1", UNLIMITED), NO_SERVER_QUOTA);
        table.admit(new FakeSocket("1.2", UNLIMITED), NO_SERVER_QUOTA);
        table.admit(new FakeSocket("1.3", other), NO_SERVER_QUOTA);
        assertEquals(Map.of("open-app", 2, "other-app", 1), table.countsByApp());
        assertEquals(Set.of("1.1", "1.2", "1.3"),
                Set.copyOf(table.all().stream().map(ClientSocket::socketId).toList()));
    }

    @Test
    void admission_tells_connection_opened_and_removal_tells_connection_closed_once() {
        FakeSocket socket = new FakeSocket("1.1", TWO);
        table.admit(socket, NO_SERVER_QUOTA);
        table.admit(new FakeSocket("1.1", TWO), NO_SERVER_QUOTA);
        table.admit(new FakeSocket("1.2", TWO), 1);
        table.remove(socket);
        table.remove(socket);
        assertEquals(List.of(new Activity.ConnectionOpened(TWO, "1.1"), new Activity.ConnectionClosed(TWO, "1.1", 1006)),
                heard.all());
    }
}
