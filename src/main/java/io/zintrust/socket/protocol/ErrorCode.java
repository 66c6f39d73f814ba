package io.zintrust.socket.protocol;

/** The Pusher close / error codes this server uses (Pusher's websocket protocol, "Error codes"; see the README). */
public enum ErrorCode {
    APP_NOT_FOUND(4001),
    APP_DISABLED(4003),
    OVER_QUOTA(4004),
    INVALID_VERSION_FORMAT(4006),
    UNSUPPORTED_PROTOCOL(4007),
    UNAUTHORIZED(4009),
    OVER_CAPACITY(4100),
    RECONNECT(4200),
    PONG_NOT_RECEIVED(4201),
    CLIENT_EVENT_REJECTED(4301),
    BAD_MESSAGE(4302);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
