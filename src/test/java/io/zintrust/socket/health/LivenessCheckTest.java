package io.zintrust.socket.health;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LivenessCheckTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void a_recent_sweep_and_an_empty_applier_queue_are_alive() {
        assertFalse(LivenessCheck.stalled(SECOND, 0));
    }

    @Test
    void a_server_without_a_heartbeat_is_judged_on_the_applier_alone() {
        assertFalse(LivenessCheck.stalled(-1, 0));
        assertTrue(LivenessCheck.stalled(-1, 10 * SECOND));
    }

    @Test
    void ten_seconds_without_a_sweep_is_a_stall() {
        assertFalse(LivenessCheck.stalled(9 * SECOND, 0));
        assertTrue(LivenessCheck.stalled(10 * SECOND, 0));
    }

    @Test
    void a_cluster_message_waiting_ten_seconds_is_a_stall() {
        assertTrue(LivenessCheck.stalled(SECOND, 10 * SECOND));
    }
}
