package io.zintrust.socket.users;

import java.util.Collection;
import java.util.Set;

/**
 * Who is online beyond this instance, for watchlists. The directory knows this instance's sockets; the
 * ledger decides whether a user's first sign-in or last sign-out here is the first or last anywhere.
 */
public interface OnlineLedger {

    /** This instance now has a signed-in socket of the user; true when no instance had one before. */
    boolean cameOnline(String appId, String userId);

    /** This instance no longer has one; true when no instance has one any more. */
    boolean wentOffline(String appId, String userId);

    /** Those of {@code userIds} signed in on any instance (empty when running alone). */
    Set<String> onlineAnywhere(String appId, Collection<String> userIds);

}
