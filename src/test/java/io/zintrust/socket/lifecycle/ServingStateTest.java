package io.zintrust.socket.lifecycle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServingStateTest {

    @Test
    void a_new_instance_takes_no_sockets_until_it_is_opened() {
        ServingState state = new ServingState();
        assertFalse(state.accepting());
        state.open();
        assertTrue(state.accepting());
        assertEquals("serving", state.phase().label());
    }

    @Test
    void a_drain_is_begun_once_and_never_undone_by_a_late_open() {
        ServingState state = new ServingState();
        assertTrue(state.drain());
        assertFalse(state.drain());
        state.open();
        assertEquals(ServingState.Phase.DRAINING, state.phase());
        assertFalse(state.accepting());
    }
}
