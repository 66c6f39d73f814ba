package io.zintrust.socket.console;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelCensus;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.ChannelStats;
import io.zintrust.socket.channel.PresenceChannels;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.connections.ConnectionTable;
import io.zintrust.socket.http.ApiCaller;
import io.zintrust.socket.http.AppRequests;
import io.zintrust.socket.protocol.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The console's API, for the app's own credentials (the app secret as a Bearer value, or a signed
 * request) or a user's token in the console group ({@link ConsoleAccess}), behind {@link ConsoleGate}:
 * a snapshot of the app's sockets here and its channels across the cluster, and the live feed. The
 * console publishes through the ordinary HTTP API.
 */
@Path("console/api/apps/{appId}")
@ApplicationScoped
public class ConsoleResource {

    /** The snapshot lists at most this many sockets (the count is always whole). */
    static final int SOCKETS_LISTED = 200;
    private static final byte[] NO_BODY = new byte[0];

    @Inject
    AppRequests requests;
    @Inject
    ConnectionTable table;
    @Inject
    ChannelCensus census;
    @Inject
    PresenceChannels presence;
    @Inject
    ConsoleFeed feed;

    @GET
    @Path("state")
    @Produces(MediaType.APPLICATION_JSON)
    public String state(@PathParam("appId") String appId, @Context HttpServletRequest request, @Context UriInfo uri) {
        App app = watcher(appId, request, uri);
        List<ClientSocket> sockets = new ArrayList<>();
        for (ClientSocket socket : table.all()) {
            if (socket.app().id().equals(app.id())) {
                sockets.add(socket);
            }
        }
        sockets.sort(Comparator.comparing(ClientSocket::socketId));
        JsonArrayBuilder listed = JsonText.JSON.createArrayBuilder();
        sockets.stream().limit(SOCKETS_LISTED).forEach(socket -> listed.add(JsonText.JSON.createObjectBuilder()
                .add("socket_id", socket.socketId()).add("channels", socket.channels().size())));
        JsonArrayBuilder channels = JsonText.JSON.createArrayBuilder();
        for (ChannelStats stats : census.occupied(app, "")) {
            var channel = JsonText.JSON.createObjectBuilder().add("name", stats.name())
                    .add("subscription_count", stats.subscriptionCount());
            if (ChannelName.parse(stats.name(), Integer.MAX_VALUE).isPresence()) {
                JsonArrayBuilder members = JsonText.JSON.createArrayBuilder();
                presence.presentUsers(app, stats.name()).forEach(members::add);
                channel.add("user_count", Math.max(0, stats.userCount())).add("members", members);
            }
            channels.add(channel);
        }
        return JsonText.JSON.createObjectBuilder().add("app", app.id()).add("connections", sockets.size())
                .add("sockets", listed).add("channels", channels).build().toString();
    }

    private App watcher(String appId, HttpServletRequest request, UriInfo uri) {
        ApiCaller caller = requests.caller(appId, request, uri, NO_BODY);
        ConsoleAccess.check(caller);
        return caller.app();
    }

    @GET
    @Path("feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void feed(@PathParam("appId") String appId, @Context HttpServletRequest request, @Context UriInfo uri,
                     @Context SseEventSink sink, @Context Sse sse) {
        App app = watcher(appId, request, uri);
        feed.watch(app, sink, sse);
    }
}
