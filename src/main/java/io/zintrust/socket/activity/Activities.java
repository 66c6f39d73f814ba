package io.zintrust.socket.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;

/**
 * The seam every state owner tells what happened through. Listeners are the application's
 * {@link ActivityListener} beans, found once; telling them is a loop over a small array, so the
 * publish path pays one call per listener per publish, nothing per recipient.
 */
@ApplicationScoped
public class Activities {

    private static final System.Logger LOG = System.getLogger(Activities.class.getName());

    @Inject
    @Any
    Instance<ActivityListener> beans;

    private volatile ActivityListener[] listeners;

    /** A seam with fixed listeners, outside CDI (unit tests). */
    public static Activities of(ActivityListener... listeners) {
        Activities activities = new Activities();
        activities.listeners = listeners.clone();
        return activities;
    }

    public void emit(Activity activity) {
        for (ActivityListener listener : listeners()) {
            try {
                listener.on(activity);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Activity listener " + listener.getClass().getName() + " failed on "
                        + activity.getClass().getSimpleName(), e);
            }
        }
    }

    private ActivityListener[] listeners() {
        ActivityListener[] found = listeners;
        if (found == null) {
            found = beans == null ? new ActivityListener[0] : beans.stream().toList().toArray(ActivityListener[]::new);
            listeners = found;
        }
        return found;
    }
}
