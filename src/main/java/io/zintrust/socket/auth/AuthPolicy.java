package io.zintrust.socket.auth;

/** Decides {@code POST /broadcasting/auth} (a channel) and {@code /broadcasting/user-auth} (a sign-in). */
@FunctionalInterface
public interface AuthPolicy {

    AuthDecision decide(ChannelAuthRequest request);
}
