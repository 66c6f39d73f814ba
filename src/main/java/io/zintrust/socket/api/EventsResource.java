package io.zintrust.socket.api;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelCensus;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.ChannelStats;
import io.zintrust.socket.channel.Fanout;
import io.zintrust.socket.http.ApiCaller;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.http.AppRequests;
import io.zintrust.socket.protocol.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /apps/{appId}/events} and {@code /batch_events}: the Pusher trigger API, each event through
 * the {@link PublishRules} before fan-out. One instance for
 * the application, the request's objects as parameters: the publish path is hot, and a request-scoped
 * resource cost a bean and its injection per call, and a proxy hop per header read.
 */
@Path("apps/{appId}")
@ApplicationScoped
public class EventsResource {

    @Inject
    AppRequests requests;
    @Inject
    ChannelCensus census;
    @Inject
    Fanout fanout;
    @Inject
    PublishRules rules;
    @Inject
    Apps apps;
    @Inject
    Activities activities;

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String trigger(@PathParam("appId") String appId, byte[] body, @Context HttpServletRequest request,
                          @Context UriInfo uri) {
        return answered(appId, () -> triggered(appId, body, request, uri));
    }

    private String triggered(String appId, byte[] body, HttpServletRequest request, UriInfo uri) {
        ApiCaller caller = requests.caller(appId, request, uri, body);
        App app = caller.app();
        Publication publication = rules.review(caller, Publication.parse(body, app.limits()), request);
        publish(app, publication);
        JsonObject info = info(app, publication);
        return info == null ? "{}" : JsonText.JSON.createObjectBuilder().add("channels", info).build().toString();
    }

    /** Up to the app's batch limit of events, validated all or nothing, published in order. */
    @POST
    @Path("batch_events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String batch(@PathParam("appId") String appId, byte[] body, @Context HttpServletRequest request,
                        @Context UriInfo uri) {
        return answered(appId, () -> batched(appId, body, request, uri));
    }

    /**
     * Runs a publish and tells its outcome on the event seam: the status it is answered with and how
     * long it took (for an app this server knows; a refusal is told with its HTTP status).
     */
    private String answered(String appId, java.util.function.Supplier<String> publish) {
        long started = System.nanoTime();
        int status = 500;
        try {
            String answer = publish.get();
            status = 200;
            return answer;
        } catch (ApiException e) {
            status = e.status();
            throw e;
        } catch (jakarta.ws.rs.WebApplicationException e) {
            status = e.getResponse().getStatus();
            throw e;
        } finally {
            int answeredWith = status;
            apps.byId(appId).ifPresent(app -> activities.emit(
                    new Activity.PublishAnswered(app, answeredWith, System.nanoTime() - started)));
        }
    }

    private String batched(String appId, byte[] body, HttpServletRequest request, UriInfo uri) {
        ApiCaller caller = requests.caller(appId, request, uri, body);
        App app = caller.app();
        JsonObject object = JsonText.object(new String(body, StandardCharsets.UTF_8))
                .orElseThrow(() -> new ApiException(400, "Invalid JSON body: expected {\"batch\":[...]}"));
        if (!(object.get("batch") instanceof JsonArray items)) {
            throw new ApiException(400, "Missing 'batch': an array of events");
        }
        if (items.isEmpty() || items.size() > app.limits().maxBatchEvents()) {
            throw new ApiException(400, "A batch holds 1 to " + app.limits().maxBatchEvents() + " events; got "
                    + items.size());
        }
        List<Publication> publications = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof JsonObject item)) {
                throw new ApiException(400, "batch[" + i + "] is not an object");
            }
            try {
                publications.add(Publication.from(item, app.limits()));
            } catch (ApiException e) {
                throw new ApiException(e.status(), "batch[" + i + "]: " + e.getMessage());
            }
        }
        // every item passes the publish rules before any is published: a refusal publishes nothing
        publications.replaceAll(publication -> rules.review(caller, publication, request));
        publications.forEach(publication -> publish(app, publication));
        if (publications.stream().allMatch(p -> p.info().isEmpty())) {
            return "{}";
        }
        JsonArrayBuilder answers = JsonText.JSON.createArrayBuilder();
        for (Publication publication : publications) {
            JsonObject info = info(app, publication);
            answers.add(info == null ? JsonValue.EMPTY_JSON_OBJECT : info.getJsonObject(publication.channels().get(0)));
        }
        return JsonText.JSON.createObjectBuilder().add("batch", answers).build().toString();
    }

    private void publish(App app, Publication publication) {
        fanout.publish(app, publication.channels(), publication.event(), publication.data(), publication.socketId());
    }

    /**
     * The attributes asked for in {@code info}, per channel; null when none were asked for. As in Pusher's
     * answer, user_count appears for presence channels only: another channel's hash may be empty.
     */
    private JsonObject info(App app, Publication publication) {
        if (publication.info().isEmpty()) {
            return null;
        }
        JsonObjectBuilder channels = JsonText.JSON.createObjectBuilder();
        for (String name : publication.channels()) {
            ChannelStats stats = census.stats(app, name);
            JsonObjectBuilder attributes = JsonText.JSON.createObjectBuilder();
            if (publication.info().contains("user_count") && ChannelName.parse(name, Integer.MAX_VALUE).isPresence()) {
                attributes.add("user_count", Math.max(0, stats.userCount()));
            }
            if (publication.info().contains("subscription_count")) {
                attributes.add("subscription_count", stats.subscriptionCount());
            }
            channels.add(name, attributes);
        }
        return channels.build();
    }
}
