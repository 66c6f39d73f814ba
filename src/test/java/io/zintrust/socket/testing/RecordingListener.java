package io.zintrust.socket.testing;

import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.activity.ActivityListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every activity it hears, in order. */
public final class RecordingListener implements ActivityListener {

    private final List<Activity> heard = new CopyOnWriteArrayList<>();

    @Override
    public void on(Activity activity) {
        heard.add(activity);
    }

    public List<Activity> all() {
        return List.copyOf(heard);
    }

    /** The activities of one kind, in order. */
    public <T extends Activity> List<T> of(Class<T> type) {
        return heard.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        heard.clear();
    }
}
