package io.zintrust.socket.users;

import io.zintrust.socket.activity.Activities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A {@link UserDirectory} wired outside CDI, for the tests of this package and of the packages above it. */
public final class UserFixture {

    private UserFixture() {
    }

    public static UserDirectory directory(OnlineLedger ledger, Activities activities) {
        UserDirectory directory = new UserDirectory();
        directory.ledger = ledger;
        directory.activities = activities;
        return directory;
    }

    /**
     * An online ledger that answers as running alone (every first and last socket here is the first and
     * last anywhere, nobody is online elsewhere) unless told otherwise; it notes every call.
     */
    public static final class Ledger implements OnlineLedger {
        public volatile boolean firstAnywhere = true;
        public volatile boolean lastAnywhere = true;
        public final Set<String> onlineElsewhere = new LinkedHashSet<>();
        public final List<String> calls = new ArrayList<>();

        @Override
        public synchronized boolean cameOnline(String appId, String userId) {
            calls.add("cameOnline " + appId + " " + userId);
            return firstAnywhere;
        }

        @Override
        public synchronized boolean wentOffline(String appId, String userId) {
            calls.add("wentOffline " + appId + " " + userId);
            return lastAnywhere;
        }

        @Override
        public synchronized Set<String> onlineAnywhere(String appId, Collection<String> userIds) {
            calls.add("onlineAnywhere " + appId + " " + userIds);
            Set<String> online = new LinkedHashSet<>(userIds);
            online.retainAll(onlineElsewhere);
            return online;
        }
    }
}
