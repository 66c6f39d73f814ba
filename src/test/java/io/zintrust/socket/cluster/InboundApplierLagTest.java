package io.zintrust.socket.cluster;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lag liveness and metrics read: how long waiting cluster messages have gone unapplied. */
class InboundApplierLagTest {

    final List<Runnable> held = new ArrayList<>();
    final InboundApplier applier = new InboundApplier();

    InboundApplierLagTest() {
        // an executor that runs nothing until told: the applier looks stuck meanwhile
        applier.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        held.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        applier.fanout = new io.zintrust.socket.channel.ChannelFixture().fanout;
        applier.apps = new Apps() {
            @Override
            public Optional<App> byId(String id) {
                return Optional.empty();
            }
        };
    }

    @Test
    void an_applier_with_nothing_waiting_has_no_lag() {
        assertEquals(0, applier.lagNanos());
    }

    @Test
    void a_message_nobody_applies_shows_a_growing_lag_that_ends_once_it_is_applied() throws InterruptedException {
        applier.offer(new ClusterMessage.Terminate("app-1", "u1"));
        Thread.sleep(20);
        long waited = applier.lagNanos();
        assertTrue(waited >= 20_000_000L, "lag " + waited);
        Thread.sleep(5);
        assertTrue(applier.lagNanos() > waited);
        assertEquals(1, held.size());
        held.get(0).run();
        assertEquals(0, applier.lagNanos());
    }
}
