package io.zintrust.socket.console;

import io.zintrust.socket.http.ApiCaller;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.identity.VerifiedToken;

import java.util.Set;

/**
 * Who may watch an app's console: the app itself (its secret or a signed request), or, where bearer
 * tokens are verified, a user whose token's {@code groups} claim holds {@value #EVERY_APP} (every app)
 * or {@code zintrust-console:<appId>} (that app). The console shows the whole app, so a token's channel
 * claims are not enough.
 */
final class ConsoleAccess {

    static final String EVERY_APP = "zintrust-console";

    private ConsoleAccess() {
    }

    static void check(ApiCaller caller) {
        if (caller.appAuthenticated() || inConsoleGroup(caller.user(), caller.app().id())) {
            return;
        }
        throw new ApiException(403, "This token may not open the console: it needs the group " + EVERY_APP
                + " or " + EVERY_APP + ":" + caller.app().id() + " (or use the app secret)");
    }

    private static boolean inConsoleGroup(VerifiedToken user, String appId) {
        if (user == null) {
            return false;
        }
        Set<String> groups = user.getGroups();
        return groups != null && (groups.contains(EVERY_APP) || groups.contains(EVERY_APP + ":" + appId));
    }
}
