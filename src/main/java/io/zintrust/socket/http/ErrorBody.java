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

    /** The same from a servlet filter: the status, then the JSON body with its length. */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String message)
            throws java.io.IOException {
        response.setStatus(status);
        writeBody(response, message);
    }

    /** The JSON body alone, for an answer whose status is already set. */
    public static void writeBody(jakarta.servlet.http.HttpServletResponse response, String message)
            throws java.io.IOException {
        byte[] body = json(message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(message)).build();
    }
}
