package io.zintrust.socket.apps;

/** What {@code POST /broadcasting/auth} does with a well-formed request. */
public enum AuthPolicyMode {
    DENY, ALLOW
}
