package io.zintrust.socket.webhooks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    void doubles_from_one_second_and_stays_at_a_minute() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L),
                IntStream.rangeClosed(1, 9).mapToObj(n -> Backoff.delayMs(n) / 1000).toList());
        assertEquals(60_000, Backoff.delayMs(500));
    }
}
