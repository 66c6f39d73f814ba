package io.zintrust.socket.apps;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the app a request or socket is for: by public key for sockets, by id for the HTTP API. */
@ApplicationScoped
public class Apps {

    @Inject
    SocketSettings settings;

    private Map<String, App> byKey;
    private Map<String, App> byId;

    @PostConstruct
    void index() {
        byKey = settings.apps().stream().collect(Collectors.toUnmodifiableMap(App::key, Function.identity()));
        byId = settings.apps().stream().collect(Collectors.toUnmodifiableMap(App::id, Function.identity()));
    }

    /** The app that {@code POST /broadcasting/auth} signs for. */
    public Optional<App> defaultApp() {
        return Optional.ofNullable(settings.app());
    }

    public Optional<App> byKey(String key) {
        return Optional.ofNullable(key == null ? null : byKey.get(key));
    }

    public Optional<App> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
