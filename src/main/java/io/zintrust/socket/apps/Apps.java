package io.zintrust.socket.apps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Finds the app a request or socket is for: by public key for sockets, by id for the HTTP API. */
@ApplicationScoped
public class Apps {

    @Inject
    SocketSettings settings;

    /** The app that {@code POST /broadcasting/auth} signs for. */
    public Optional<App> defaultApp() {
        return Optional.ofNullable(settings.app());
    }

    public Optional<App> byKey(String key) {
        App app = settings.app();
        return app != null && app.key().equals(key) ? Optional.of(app) : Optional.empty();
    }

    public Optional<App> byId(String id) {
        App app = settings.app();
        return app != null && app.id().equals(id) ? Optional.of(app) : Optional.empty();
    }
}
