package io.zintrust.socket.channel;

/** The channel kinds Pusher defines (public, private, private-encrypted, presence), told apart by prefix. */
public enum ChannelType {
    PUBLIC(false, false),
    PRIVATE(true, true),
    ENCRYPTED(true, false),
    PRESENCE(true, true),
    SERVER_TO_USER(false, false);

    private final boolean signed;
    private final boolean clientEvents;

    ChannelType(boolean signed, boolean clientEvents) {
        this.signed = signed;
        this.clientEvents = clientEvents;
    }

    /** Whether a subscription needs an {@code auth} signature. */
    public boolean signed() {
        return signed;
    }

    /** Whether subscribers may send {@code client-*} events on it. */
    public boolean allowsClientEvents() {
        return clientEvents;
    }
}
