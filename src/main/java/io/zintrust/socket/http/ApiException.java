package io.zintrust.socket.http;

/**
 * A request the HTTP API refuses, with the status and the sentence the client gets back as
 * {@code {"error":"..."}} (see {@link JsonErrors}).
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
