package io.zintrust.socket.presence;

/** {@code channel_data} that names no usable presence member. */
public class InvalidMemberException extends RuntimeException {

    public InvalidMemberException(String message) {
        super(message, null, false, false);
    }
}
