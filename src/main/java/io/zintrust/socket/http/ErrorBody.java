package io.zintrust.socket.http;

import io.zintrust.socket.protocol.Frames;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every HTTP error this server sends: a status and {@code {"error":"..."}}. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static String json(String message) {
        return "{\"error\":" + Frames.quote(message) + "}";
    }

    public static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(message)).build();
    }
}
