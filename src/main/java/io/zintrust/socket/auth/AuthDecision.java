package io.zintrust.socket.auth;

/** A policy's answer: allowed, or refused with the reason the caller reads. */
public record AuthDecision(boolean allowed, String reason) {

    public static AuthDecision allow() {
        return new AuthDecision(true, null);
    }

    public static AuthDecision deny(String reason) {
        return new AuthDecision(false, reason);
    }
}
