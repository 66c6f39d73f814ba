package io.zintrust.socket.presence;

import java.util.Map;
import java.util.Optional;

/**
 * Who is present in a presence channel beyond this instance. The registry keeps each instance's own
 * roster (sockets per user); the ledger decides, across instances, whether a user's arrival or
 * departure here is the first or last anywhere, which is when member events are due.
 */
public interface PresenceLedger {

    /** This instance now has a socket of the user in the channel; true when no instance had one before. */
    boolean joined(String appId, String channel, Member member);

    /** This instance no longer has a socket of the user; true when no instance has one any more. */
    boolean left(String appId, String channel, String userId);

    /** The channel's members on every instance (user id to user_info JSON); empty when running alone. */
    Optional<Map<String, String>> members(String appId, String channel);

}
