package io.zintrust.socket.http;

import jakarta.ws.rs.WebApplicationException;

/** A request the HTTP API refuses, with the status and the sentence the client gets back. */
public class ApiException extends WebApplicationException {

    public ApiException(int status, String message) {
        super(message, null, ErrorBody.response(status, message));
    }
}
