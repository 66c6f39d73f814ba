package io.zintrust.socket.websocket;

import io.zintrust.socket.protocol.ErrorCode;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.InboundFrame;
import io.zintrust.socket.signature.ChannelSignature;
import io.zintrust.socket.users.SignedInUser;
import io.zintrust.socket.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * {@code pusher:signin}: the app's signature over {@code socket_id::user::user_data}; success is
 * answered with {@code pusher:signin_success}, failure closes the socket with 4009.
 */
@ApplicationScoped
class SigninHandler implements FrameHandler {

    @Inject
    UserDirectory users;

    @Override
    public void handle(Connection connection, InboundFrame frame) {
        JsonObject data = frame.dataObject();
        String auth = InboundFrame.text(data, "auth", frame.event());
        String userData = InboundFrame.text(data, "user_data", frame.event());
        if (userData == null || !ChannelSignature.verify(connection.app(), auth,
                ChannelSignature.signinPayload(connection.socketId(), userData))) {
            connection.closeWith(ErrorCode.UNAUTHORIZED, "Invalid signin: expected an HMAC SHA256 signature of "
                    + "socket_id::user::user_data signed with the app secret, as APP_KEY:HEX");
            return;
        }
        Optional<SignedInUser> user = SignedInUser.parse(userData);
        if (user.isEmpty()) {
            connection.closeWith(ErrorCode.UNAUTHORIZED, "Invalid signin: user_data must be a JSON object with an id");
            return;
        }
        connection.send(Frames.signinSuccess(userData));
        users.signIn(connection, user.get());
    }
}
