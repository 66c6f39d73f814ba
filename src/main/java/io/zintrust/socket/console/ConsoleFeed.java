package io.zintrust.socket.console;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.activity.ActivityListener;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.schedule.Ticks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The console's live log: what happens to an app, from the event seam, to every console watching it
 * (server-sent events). Nothing the server does waits for a browser: each watcher has a bounded queue
 * written on the container's managed executor (not the per-socket workers, which a stalled browser
 * must not hold up), and a watcher that falls 1,000 lines behind is closed (the page reconnects and
 * reads a fresh snapshot). With no console open, an activity costs one map read here.
 */
@ApplicationScoped
public class ConsoleFeed implements ActivityListener {

    static final int BACKLOG = 1000;

    @Resource
    ManagedExecutorService executor;
    @Inject
    Ticks ticks;

    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();

    /** A keep-alive comment every 10 s keeps proxies and idle timeouts from closing a quiet feed. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        int[] second = {0};
        ticks.everySecond("Console keep-alive", () -> {
            if (++second[0] % 10 == 0) {
                watchers.values().forEach(list -> list.forEach(Watcher::keepAlive));
            }
        });
    }

    void watch(App app, SseEventSink sink, Sse sse) {
        Watcher watcher = new Watcher(app.id(), sink, sse);
        watchers.computeIfAbsent(app.id(), id -> new CopyOnWriteArrayList<>()).add(watcher);
        watcher.offer("{\"time\":" + System.currentTimeMillis() + ",\"type\":\"watching\",\"app\":\"" + app.id() + "\"}");
    }

    @Override
    public void on(Activity activity) {
        List<Watcher> those = watchers.get(activity.app().id());
        if (those == null || those.isEmpty()) {
            return;
        }
        String line = ConsoleEvents.of(activity, System.currentTimeMillis());
        if (line != null) {
            those.forEach(watcher -> watcher.offer(line));
        }
    }

    private void forget(Watcher watcher) {
        List<Watcher> those = watchers.get(watcher.appId);
        if (those != null) {
            those.remove(watcher);
        }
    }

    /** One open console: its lines wait here and are written on a worker, one writer at a time. */
    private final class Watcher {
        final String appId;
        final SseEventSink sink;
        final Sse sse;
        private final ArrayDeque<String> backlog = new ArrayDeque<>();
        private boolean writing;

        Watcher(String appId, SseEventSink sink, Sse sse) {
            this.appId = appId;
            this.sink = sink;
            this.sse = sse;
        }

        void offer(String line) {
            boolean start;
            synchronized (this) {
                if (backlog.size() >= BACKLOG) {
                    backlog.clear();
                    drop();
                    return;
                }
                backlog.addLast(line);
                start = !writing;
                writing = true;
            }
            if (start) {
                try {
                    executor.execute(this::write);
                } catch (RuntimeException stopping) {
                    drop();
                }
            }
        }

        /** Forgets a watcher that cannot keep up (or a server that stops) and ends its stream. */
        private void drop() {
            forget(this);
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }

        void keepAlive() {
            if (sink.isClosed()) {
                forget(this);
                return;
            }
            sink.send(sse.newEventBuilder().comment("keep-alive").build());
        }

        private void write() {
            while (true) {
                String line;
                synchronized (this) {
                    line = backlog.pollFirst();
                    if (line == null) {
                        writing = false;
                        return;
                    }
                }
                if (sink.isClosed()) {
                    forget(this);
                    synchronized (this) {
                        backlog.clear();
                        writing = false;
                    }
                    return;
                }
                try {
                    sink.send(sse.newEventBuilder().name("activity").data(line).build())
                            .toCompletableFuture().join();
                } catch (RuntimeException gone) {
                    drop(); // the browser went away
                }
            }
        }
    }
}
