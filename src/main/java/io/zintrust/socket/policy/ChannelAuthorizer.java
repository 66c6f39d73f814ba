package io.zintrust.socket.policy;

/**
 * Decides {@code POST /broadcasting/auth} and {@code POST /broadcasting/user-auth}. Runs on the request
 * thread: keep it quick, and bound any call it makes.
 */
@FunctionalInterface
public interface ChannelAuthorizer {

    ChannelVerdict authorize(ChannelRequest request);
}
