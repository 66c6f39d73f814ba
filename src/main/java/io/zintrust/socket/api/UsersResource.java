package io.zintrust.socket.api;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.http.AppRequests;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /apps/{appId}/users/{userId}/terminate_connections}. */
@Path("apps/{appId}/users/{userId}/terminate_connections")
@ApplicationScoped
public class UsersResource {

    @Inject
    AppRequests requests;
    @Inject
    UserDirectory users;

    /** Closes every socket signed in as the user with 4009, on every instance. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String terminate(@PathParam("appId") String appId, @PathParam("userId") String userId, byte[] body,
                            @Context HttpServletRequest request, @Context UriInfo uri) {
        App app = requests.authorized(appId, request, uri, body);
        users.terminate(app, userId);
        return "{}";
    }
}
