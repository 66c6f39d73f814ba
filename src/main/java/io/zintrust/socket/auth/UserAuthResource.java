package io.zintrust.socket.auth;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.http.ApiException;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.JsonText;
import io.zintrust.socket.signature.ChannelSignature;
import io.zintrust.socket.users.SignedInUser;
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
 * {@code POST /broadcasting/user-auth}: what pusher-js's {@code userAuthentication} endpoint calls
 * before {@code pusher:signin}. Answers {@code {"auth":"key:signature","user_data":"{\"id\":...}"}} for
 * the user the {@link AuthPolicy} vouches for; a policy that names no user ({@code allow}) signs the
 * {@code user_data} (or {@code user_id}) the client sent.
 */
@Path("broadcasting/user-auth")
@RequestScoped
public class UserAuthResource {

    @Inject
    Apps apps;
    @Inject
    AuthPolicy policy;
    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String signIn(byte[] body) {
        Map<String, String> fields = AuthForm.fields(http.getContentType(), body);
        String socketId = AuthForm.socketId(fields);
        String sent = sentUserData(fields);
        App app = apps.defaultApp().orElseThrow(() -> new ApiException(404, "Socket app not found"));
        AuthDecision decision = policy.decide(new ChannelAuthRequest(app, socketId, null, sent, http));
        if (!decision.allowed()) {
            throw new ApiException(decision.status(), decision.reason());
        }
        String userData = userData(decision.user(), sent);
        String auth = ChannelSignature.token(app, ChannelSignature.signinPayload(socketId, userData));
        return "{\"auth\":" + Frames.quote(auth) + ",\"user_data\":" + Frames.quote(userData) + "}";
    }

    private static String sentUserData(Map<String, String> fields) {
        String userData = fields.get("user_data");
        if (userData == null && fields.get("user_id") != null) {
            userData = JsonText.JSON.createObjectBuilder().add("id", fields.get("user_id")).build().toString();
        }
        if (userData != null && SignedInUser.parse(userData).isEmpty()) {
            throw new ApiException(400, "Invalid user_data: expected a JSON object with a string id, e.g."
                    + " {\"id\":\"7\",\"user_info\":{...}}");
        }
        return userData;
    }

    private static String userData(UserIdentity user, String sent) {
        if (user != null) {
            String named = sent == null ? null : SignedInUser.parse(sent).orElseThrow().id();
            if (named != null && !named.equals(user.id())) {
                throw new ApiException(403, "user_data names user " + named + " but the caller is user " + user.id()
                        + ": nobody signs in as someone else");
            }
            return user.userData();
        }
        if (sent == null) {
            throw new ApiException(400, "Missing user_data: this policy signs the user the client names; send"
                    + " user_data {\"id\":...} or user_id");
        }
        return sent;
    }
}
