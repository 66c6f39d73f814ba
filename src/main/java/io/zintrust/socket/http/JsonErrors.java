package io.zintrust.socket.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.System.Logger.Level;

/** Keeps error bodies JSON for the failures JAX-RS raises itself (unknown route, wrong method, ...). */
@Provider
public class JsonErrors implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(JsonErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException api) {
            return ErrorBody.response(api.status(), api.getMessage());
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return ErrorBody.response(status.getStatusCode(), status.getReasonPhrase());
        }
        LOG.log(Level.ERROR, "Unexpected failure in the HTTP API", failure);
        return ErrorBody.response(500, "Internal server error");
    }
}
