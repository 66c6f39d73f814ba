package io.zintrust.socket.auth;

/**
 * A policy's answer: allowed, possibly for a named user, or refused with the status and reason the
 * caller reads (403 refused, 401 not authenticated, 503 the deciding app failed).
 *
 * @param user the user the policy vouches for, or null when it leaves that to the client's own
 *             {@code channel_data} / {@code user_data}
 */
public record AuthDecision(boolean allowed, UserIdentity user, int status, String reason) {

    public static AuthDecision allow() {
        return new AuthDecision(true, null, 200, null);
    }

    public static AuthDecision allowAs(UserIdentity user) {
        return new AuthDecision(true, user, 200, null);
    }

    public static AuthDecision deny(String reason) {
        return new AuthDecision(false, null, 403, reason);
    }

    public static AuthDecision fail(int status, String reason) {
        return new AuthDecision(false, null, status, reason);
    }
}
