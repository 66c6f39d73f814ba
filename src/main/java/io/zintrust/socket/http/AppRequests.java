package io.zintrust.socket.http;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.apps.Apps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;

/** The app an HTTP API path names, once the request has proven it may act for it (404, 401 or 403 otherwise). */
@ApplicationScoped
public class AppRequests {

    @Inject
    Apps apps;

    public App authorized(String appId, HttpServletRequest request, UriInfo uri, byte[] body) {
        App app = apps.byId(appId).orElseThrow(() -> new ApiException(404, "Socket app not found: " + appId));
        RequestAuthorization.check(app, request, uri, body);
        return app;
    }
}
