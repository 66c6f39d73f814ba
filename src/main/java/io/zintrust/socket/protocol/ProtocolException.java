package io.zintrust.socket.protocol;

/** A client frame the server refuses; answered with a {@code pusher:error} carrying the code, never a crash. */
public class ProtocolException extends RuntimeException {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
