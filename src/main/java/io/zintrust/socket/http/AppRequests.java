package io.zintrust.socket.http;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.identity.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;

/** The app an HTTP API path names, once the request has proven it may act for it (404, 401 or 403 otherwise). */
@ApplicationScoped
public class AppRequests {

    @Inject
    Apps apps;
    @Inject
    Tokens tokens;

    /** For the endpoints only the app itself may call: a user's token alone is refused. */
    public App authorized(String appId, HttpServletRequest request, UriInfo uri, byte[] body) {
        ApiCaller caller = caller(appId, request, uri, body);
        if (!caller.appAuthenticated()) {
            throw new ApiException(403, "A user token may only publish: this endpoint needs a signed request or"
                    + " the app secret");
        }
        return caller.app();
    }

    /** For publishing, which a user's token may also authorize: the publish rules then decide. */
    public ApiCaller caller(String appId, HttpServletRequest request, UriInfo uri, byte[] body) {
        App app = apps.byId(appId).orElseThrow(() -> new ApiException(404, "Socket app not found: " + appId));
        return RequestAuthorization.identify(app, request, uri, body, tokens);
    }
}
