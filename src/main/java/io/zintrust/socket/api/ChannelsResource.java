package io.zintrust.socket.api;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.CacheChannels;
import io.zintrust.socket.channel.ChannelCensus;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.ChannelStats;
import io.zintrust.socket.channel.InvalidChannelException;
import io.zintrust.socket.channel.PresenceChannels;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.http.AppRequests;
import io.zintrust.socket.protocol.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The Pusher HTTP API's channel queries: occupied channels, one channel's attributes, presence users. */
@Path("apps/{appId}/channels")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {

    private static final Set<String> CHANNEL_INFO = Set.of("user_count", "subscription_count", "cache");
    private static final Set<String> LIST_INFO = Set.of("user_count", "subscription_count");

    private static final byte[] NO_BODY = new byte[0];

    @Inject
    AppRequests requests;
    @Inject
    ChannelCensus census;
    @Inject
    CacheChannels cache;
    @Inject
    PresenceChannels presence;

    @GET
    public String list(@PathParam("appId") String appId, @QueryParam("filter_by_prefix") String prefix,
                       @QueryParam("info") String info, @Context HttpServletRequest request, @Context UriInfo uri) {
        App app = requests.authorized(appId, request, uri, NO_BODY);
        String filter = prefix == null ? "" : prefix;
        Set<String> asked = attributes(info, LIST_INFO);
        if (asked.contains("user_count") && !filter.startsWith("presence-")) {
            throw new ApiException(400, "info=user_count needs filter_by_prefix=presence-");
        }
        JsonObjectBuilder channels = JsonText.JSON.createObjectBuilder();
        for (ChannelStats stats : census.occupied(app, filter)) {
            JsonObjectBuilder attributes = JsonText.JSON.createObjectBuilder();
            if (asked.contains("user_count")) {
                attributes.add("user_count", stats.userCount());
            }
            if (asked.contains("subscription_count")) {
                attributes.add("subscription_count", stats.subscriptionCount());
            }
            channels.add(stats.name(), attributes);
        }
        return JsonText.JSON.createObjectBuilder().add("channels", channels).build().toString();
    }

    @GET
    @Path("{channelName}")
    public String channel(@PathParam("appId") String appId, @PathParam("channelName") String name,
                          @QueryParam("info") String info, @Context HttpServletRequest request,
                          @Context UriInfo uri) {
        App app = requests.authorized(appId, request, uri, NO_BODY);
        ChannelName channel = valid(name);
        Set<String> asked = attributes(info, CHANNEL_INFO);
        if (asked.contains("user_count") && !channel.isPresence()) {
            throw new ApiException(400, "info=user_count is only available for presence channels");
        }
        if (asked.contains("cache") && !channel.cached()) {
            throw new ApiException(400, "info=cache is only available for cache channels");
        }
        ChannelStats stats = census.stats(app, name);
        JsonObjectBuilder answer = JsonText.JSON.createObjectBuilder().add("occupied", stats.occupied());
        if (asked.contains("user_count")) {
            answer.add("user_count", stats.userCount());
        }
        if (asked.contains("subscription_count")) {
            answer.add("subscription_count", stats.subscriptionCount());
        }
        if (asked.contains("cache")) {
            long now = System.currentTimeMillis();
            cache.cached(app, name).ifPresent(cached -> answer.add("cache", JsonText.JSON.createObjectBuilder()
                    .add("event", cached.event()).add("data", cached.data()).add("ttl", cached.ttlSeconds(now))));
        }
        return answer.build().toString();
    }

    @GET
    @Path("{channelName}/users")
    public String users(@PathParam("appId") String appId, @PathParam("channelName") String name,
                        @Context HttpServletRequest request, @Context UriInfo uri) {
        App app = requests.authorized(appId, request, uri, NO_BODY);
        if (!valid(name).isPresence()) {
            throw new ApiException(400, "Users can only be listed for presence channels");
        }
        JsonArrayBuilder users = JsonText.JSON.createArrayBuilder();
        presence.presentUsers(app, name).forEach(id -> users.add(JsonText.JSON.createObjectBuilder().add("id", id)));
        return JsonText.JSON.createObjectBuilder().add("users", users).build().toString();
    }

    private static ChannelName valid(String name) {
        try {
            return ChannelName.parse(name);
        } catch (InvalidChannelException e) {
            throw new ApiException(400, "Invalid channel: " + e.getMessage());
        }
    }

    private static Set<String> attributes(String info, Set<String> known) {
        Set<String> asked = new LinkedHashSet<>();
        if (info == null || info.isBlank()) {
            return asked;
        }
        for (String attribute : Arrays.stream(info.split(",")).map(String::trim).toList()) {
            if (!known.contains(attribute)) {
                throw new ApiException(400, "Unknown info attribute '" + attribute + "': use " + String.join(", ", known));
            }
            asked.add(attribute);
        }
        return asked;
    }
}
