package io.zintrust.socket.users;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.cluster.ClusterBus;
import io.zintrust.socket.signature.RequestAuthorization;
import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
public class UsersResource {

    @Inject
    Apps apps;
    @Inject
    ClusterBus cluster;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    /** Closes every socket signed in as the user with 4009, so clients do not reconnect on their own. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String terminate(@PathParam("appId") String appId, @PathParam("userId") String userId, byte[] body) {
        App app = apps.require(appId);
        RequestAuthorization.check(app, request, uri, body);
        cluster.terminate(app, userId);
        return "{}";
    }
}
