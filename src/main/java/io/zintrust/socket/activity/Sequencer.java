package io.zintrust.socket.activity;

import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the follow-up work of state changes (data-grid calls, the frames that depend on their answers)
 * in the order the changes happened, with no lock held. A state owner queues a task under its lock,
 * then drains after releasing it: whoever finds the sequencer idle runs everything queued, everyone
 * else returns at once. Keys are spread over a fixed number of lanes; order holds per lane.
 */
public final class Sequencer {

    private static final System.Logger LOG = System.getLogger(Sequencer.class.getName());

    private final Lane[] lanes;

    public Sequencer(int lanes) {
        this.lanes = new Lane[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new Lane();
        }
    }

    /** Queues a task behind the earlier ones of the same key's lane; call under the owner's lock. */
    public void enqueue(Object key, Runnable task) {
        lane(key).tasks.offer(task);
    }

    /** Runs the key's lane unless another thread is running it; call with no lock held. */
    public void drain(Object key) {
        lane(key).drain();
    }

    /** True when nothing is queued and no lane is running (a graceful stop waits for this). */
    public boolean idle() {
        for (Lane lane : lanes) {
            if (lane.running.get() || !lane.tasks.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Lane lane(Object key) {
        return lanes[Math.floorMod(key.hashCode(), lanes.length)];
    }

    private static final class Lane {
        final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean();

        void drain() {
            while (!tasks.isEmpty() && running.compareAndSet(false, true)) {
                try {
                    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "A queued state follow-up failed", e);
                        }
                    }
                } finally {
                    running.set(false);
                }
            }
        }
    }
}
