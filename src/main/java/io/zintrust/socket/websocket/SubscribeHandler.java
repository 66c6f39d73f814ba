package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelName;
import io.zintrust.socket.channel.InvalidChannelException;
import io.zintrust.socket.channel.Subscriptions;
import io.zintrust.socket.presence.InvalidMemberException;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.protocol.ProtocolException;
import io.zintrust.socket.signature.ChannelSignature;
import io.zintrust.socket.users.SignedInUser;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * {@code pusher:subscribe}: checks the name, the signature of signed channels and the presence member,
 * then subscribes. Every refusal is a channel-scoped {@code pusher:subscription_error}; the socket stays.
 */
@ApplicationScoped
class SubscribeHandler implements FrameHandler {

    @Inject
    Subscriptions subscriptions;
    @Inject
    UserDirectory users;

    @Override
    public void handle(Connection connection, InboundFrame frame) {
        JsonObject data = frame.dataObject();
        String channel = InboundFrame.text(data, "channel", frame.event());
        if (channel == null) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "Invalid pusher:subscribe: 'channel' is required");
        }
        String auth = InboundFrame.text(data, "auth", frame.event());
        String channelData = InboundFrame.text(data, "channel_data", frame.event());
        App app = connection.app();
        ChannelName name;
        try {
            name = ChannelName.parse(channel, app.limits().maxChannelNameLength());
        } catch (InvalidChannelException e) {
            connection.send(Frames.subscriptionError(channel, "InvalidChannel", e.getMessage(), 400));
            return;
        }
        SignedInUser user = users.userOf(connection);
        if (name.isServerToUser() && (user == null || !user.id().equals(name.serverToUserId()))) {
            connection.send(Frames.subscriptionError(channel, "AuthError",
                    "Only a connection signed in as this user may subscribe to " + channel, 403));
            return;
        }
        if (name.type().signed()) {
            String payload = ChannelSignature.subscriptionPayload(connection.socketId(), channel,
                    name.isPresence() ? channelData : null);
            if (!ChannelSignature.verify(app, auth, payload)) {
                connection.send(Frames.subscriptionError(channel, "AuthError", "Invalid signature: expected HMAC"
                        + " SHA256 hex digest of " + payload + " signed with the app secret, as APP_KEY:HEX", 401));
                return;
            }
        }
        Member member = null;
        if (name.isPresence()) {
            try {
                member = channelData == null && user != null
                        ? Member.ofSignedInUser(user.id(), user.userData())
                        : Member.fromChannelData(channelData);
            } catch (InvalidMemberException e) {
                connection.send(Frames.subscriptionError(channel, "InvalidChannelData", e.getMessage(), 400));
                return;
            }
            int infoBytes = member.userInfoJson().getBytes(StandardCharsets.UTF_8).length;
            if (infoBytes > app.limits().maxPresenceUserInfoBytes()) {
                connection.send(Frames.subscriptionError(channel, "LimitReached", "user_info is " + infoBytes
                        + " bytes; at most " + app.limits().maxPresenceUserInfoBytes() + " are allowed", 4100));
                return;
            }
        }
        switch (subscriptions.subscribe(connection, name, member)) {
            case PRESENCE_FULL -> connection.send(Frames.subscriptionError(channel, "LimitReached", "Presence channel "
                    + channel + " is full: at most " + app.limits().maxPresenceMembers() + " members", 4100));
            case TOO_MANY_CHANNELS -> connection.send(Frames.subscriptionError(channel, "LimitReached",
                    "A socket may be subscribed to at most " + Subscriptions.MAX_CHANNELS_PER_SOCKET + " channels",
                    4100));
            case SUBSCRIBED -> {
                // subscription_succeeded is on its way
            }
        }
    }
}
