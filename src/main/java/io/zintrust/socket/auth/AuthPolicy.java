package io.zintrust.socket.auth;

/** Decides who may subscribe to what through {@code POST /broadcasting/auth}. */
@FunctionalInterface
public interface AuthPolicy {

    AuthDecision decide(ChannelAuthRequest request);
}
