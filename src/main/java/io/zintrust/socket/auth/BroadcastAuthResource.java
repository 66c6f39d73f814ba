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
import io.zintrust.socket.signature.ChannelSignature;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code POST /broadcasting/auth}: signs private, encrypted and presence subscriptions (JSON or form
 * body) when the configured {@link AuthPolicy} allows it, in exactly the shape an app backend's auth
 * endpoint uses. When the policy names the user, presence {@code channel_data} is built from it, and a
 * client's own {@code channel_data} naming anyone else is refused.
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
        Map<String, String> fields = AuthForm.fields(http.getContentType(), body);
        String socketId = AuthForm.socketId(fields);
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
        String sent = channel.isPresence() ? fields.get("channel_data") : null;
        Member claimed = sent == null ? null : member(sent);
        App app = apps.defaultApp().orElseThrow(() -> new ApiException(404, "Socket app not found"));
        AuthDecision decision = policy.decide(new ChannelAuthRequest(app, socketId, channel, sent, http));
        if (!decision.allowed()) {
            throw new ApiException(decision.status(), decision.reason());
        }
        String channelData = null;
        if (channel.isPresence()) {
            channelData = channelData(channel, decision.user(), sent, claimed);
        }
        String auth = ChannelSignature.token(app,
                ChannelSignature.subscriptionPayload(socketId, channel.value(), channelData));
        return channelData == null
                ? "{\"auth\":" + Frames.quote(auth) + "}"
                : "{\"auth\":" + Frames.quote(auth) + ",\"channel_data\":" + Frames.quote(channelData) + "}";
    }

    private static String channelData(ChannelName channel, UserIdentity user, String sent, Member claimed) {
        if (user == null) {
            if (sent == null) {
                throw new ApiException(400, "Invalid channel_data: presence channel " + channel.value()
                        + " needs channel_data with a user_id");
            }
            return sent;
        }
        if (claimed != null && !claimed.userId().equals(user.id())) {
            throw new ApiException(403, "channel_data names user " + claimed.userId() + " but the caller is user "
                    + user.id() + ": nobody joins a presence channel as someone else");
        }
        return user.channelData();
    }

    private static Member member(String channelData) {
        try {
            return Member.fromChannelData(channelData);
        } catch (InvalidMemberException e) {
            throw new ApiException(400, "Invalid channel_data: " + e.getMessage());
        }
    }
}
