package io.zintrust.socket.channel;

/** A channel name that breaks the naming rules of PROTOCOL.md §2.2. */
public class InvalidChannelException extends RuntimeException {

    public InvalidChannelException(String message) {
        super(message, null, false, false);
    }
}
