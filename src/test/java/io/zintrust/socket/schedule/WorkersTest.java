package io.zintrust.socket.schedule;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkersTest {

    private final Workers workers = new Workers();

    Workers started() {
        workers.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task, "managed-for-test");
            }

            @Override
            public java.util.concurrent.ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        workers.start();
        return workers;
    }

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void tasks_run_on_threads_of_the_container_s_factory() throws InterruptedException {
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        started().execute(() -> {
            ranOn.set(Thread.currentThread().getName());
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals("managed-for-test", ranOn.get());
    }

    @Test
    void a_task_given_while_the_application_stops_still_runs_but_never_on_the_caller() throws InterruptedException {
        started().stop();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        workers.execute(() -> {
            ranOn.set(Thread.currentThread());
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertNotSame(Thread.currentThread(), ranOn.get());
    }
}
