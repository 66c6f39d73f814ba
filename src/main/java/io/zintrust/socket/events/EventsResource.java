package io.zintrust.socket.events;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.channel.ChannelRegistry;
import io.zintrust.socket.channel.ChannelStats;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.signature.RequestAuthorization;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /apps/{appId}/events}: the Pusher trigger API. */
@Path("apps/{appId}")
@RequestScoped
public class EventsResource {

    @Inject
    Apps apps;
    @Inject
    ChannelRegistry registry;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String trigger(@PathParam("appId") String appId, byte[] body) {
        App app = apps.byId(appId).orElseThrow(() -> new ApiException(404, "Socket app not found: " + appId));
        RequestAuthorization.check(app, request, uri, body);
        Publication publication = Publication.parse(body);
        registry.publish(app, publication.channels(), publication.event(), publication.data(),
                publication.socketId());
        if (publication.info().isEmpty()) {
            return "{}";
        }
        JsonObjectBuilder channels = Json.createObjectBuilder();
        for (String name : publication.channels()) {
            ChannelStats stats = registry.stats(app, name);
            JsonObjectBuilder attributes = Json.createObjectBuilder();
            if (publication.info().contains("user_count")) {
                attributes.add("user_count", Math.max(0, stats.userCount()));
            }
            if (publication.info().contains("subscription_count")) {
                attributes.add("subscription_count", stats.subscriptionCount());
            }
            channels.add(name, attributes);
        }
        return Json.createObjectBuilder().add("channels", channels).build().toString();
    }
}
