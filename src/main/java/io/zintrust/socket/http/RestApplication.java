package io.zintrust.socket.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** The HTTP API (publish, channel queries) and the auth endpoint live at the context root. */
@ApplicationPath("/")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // No /application.wadl: the API is documented in the README, not advertised by the server.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
