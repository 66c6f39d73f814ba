package io.zintrust.socket.auth;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.ChannelType;
import io.zintrust.socket.channel.InvalidChannelException;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.presence.InvalidMemberException;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.SocketIds;
import io.zintrust.socket.signature.ChannelSignature;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /broadcasting/auth}: signs private and presence subscriptions (JSON or form body) when
 * the configured {@link AuthPolicy} allows it, in exactly the shape an app backend's auth endpoint uses.
 */
@Path("broadcasting/auth")
@RequestScoped
public class BroadcastAuthResource {

    @Inject
    Apps apps;
    @Inject
    AuthPolicy policy;
    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String authorize(byte[] body) {
        Map<String, String> fields = fields(body);
        String socketId = fields.get("socket_id");
        if (!SocketIds.isValid(socketId)) {
            throw new ApiException(400, "Invalid socket_id: expected digits.digits, e.g. 1234.5678");
        }
        ChannelName channel;
        try {
            channel = ChannelName.parse(fields.get("channel_name"));
        } catch (InvalidChannelException e) {
            throw new ApiException(400, "Invalid channel_name: " + e.getMessage());
        }
        if (!channel.type().signed() || channel.type() == ChannelType.SERVER_TO_USER) {
            throw new ApiException(400, "Channel " + channel.value()
                    + " needs no authorization: only private- and presence- channels are signed");
        }
        String channelData = channel.isPresence() ? fields.get("channel_data") : null;
        if (channel.isPresence()) {
            try {
                Member.fromChannelData(channelData);
            } catch (InvalidMemberException e) {
                throw new ApiException(400, "Invalid channel_data: " + e.getMessage());
            }
        }
        App app = apps.defaultApp().orElseThrow(() -> new ApiException(404, "Socket app not found"));
        AuthDecision decision = policy.decide(new ChannelAuthRequest(app, socketId, channel, channelData, http));
        if (!decision.allowed()) {
            throw new ApiException(403, decision.reason());
        }
        String auth = ChannelSignature.token(app,
                ChannelSignature.subscriptionPayload(socketId, channel.value(), channelData));
        return channelData == null
                ? "{\"auth\":" + Frames.quote(auth) + "}"
                : "{\"auth\":" + Frames.quote(auth) + ",\"channel_data\":" + Frames.quote(channelData) + "}";
    }

    private Map<String, String> fields(byte[] body) {
        String type = http.getContentType() == null ? "" : http.getContentType().toLowerCase();
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return form(new String(body, StandardCharsets.UTF_8));
        }
        JsonObject object = JsonText.object(new String(body, StandardCharsets.UTF_8)).orElseThrow(
                () -> new ApiException(400, "Invalid body: send JSON or a form with socket_id and channel_name"));
        Map<String, String> fields = new HashMap<>();
        object.forEach((name, value) -> {
            if (value instanceof JsonString text) {
                fields.put(name, text.getString());
            } else if (value != JsonValue.NULL && name.equals("channel_data")) {
                fields.put(name, value.toString());
            }
        });
        return fields;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "Invalid form body: bad percent-encoding in " + pair);
                }
            }
        }
        return fields;
    }
}
