package io.zintrust.socket.websocket;

import io.zintrust.socket.apps.Apps;
import io.zintrust.socket.apps.Availability;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.container.ContainerAccess;
import io.zintrust.socket.http.ErrorBody;
import io.zintrust.socket.lifecycle.ServingState;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Answers plain HTTP requests on the websocket path: 426 for a known key, 404 for an unknown one, 503
 * while the server cannot serve (then no endpoint is deployed, so upgrades get the 503 too). Upgrade
 * requests pass through to the websocket container while this instance takes sockets, and get a 503
 * while it starts or drains: a client then retries, or goes to another instance, instead of meeting a
 * half-started endpoint. The guard is mapped ahead of the container's websocket filter for that.
 */
public class PlainHttpGuard extends HttpFilter {

    private final SocketSettings settings;
    private final Apps apps;
    private final Availability availability;
    private final ServingState serving;

    PlainHttpGuard(SocketSettings settings, Apps apps, Availability availability, ServingState serving) {
        this.settings = settings;
        this.apps = apps;
        this.availability = availability;
        this.serving = serving;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var unavailable = availability.refusal();
        if (unavailable.isPresent()) {
            ErrorBody.write(response, 503, unavailable.get());
            return;
        }
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            ServingState.Phase phase = serving.phase();
            if (phase == ServingState.Phase.SERVING) {
                chain.doFilter(request, response);
            } else {
                response.setHeader("Retry-After", "1");
                ErrorBody.write(response, 503, phase == ServingState.Phase.STARTING
                        ? "Server is starting: try again in a moment"
                        : "Server is shutting down: connect to another instance");
            }
            return;
        }
        String rest = request.getRequestURI().substring(request.getContextPath().length() + settings.path().length());
        String key = rest.startsWith("/") ? rest.substring(1) : "";
        if (key.isEmpty() || key.contains("/")) {
            ErrorBody.write(response, 404, "Not found: connect to " + settings.path() + "/{appKey}");
        } else if (apps.byKey(key).isEmpty()) {
            ErrorBody.write(response, 404, "Socket app key not found");
        } else {
            // Grizzly treats a response carrying Upgrade as a protocol switch and drops Content-Length;
            // closing the connection is what tells curl and browsers where this answer ends.
            response.setHeader("Upgrade", "websocket");
            response.setHeader("Connection", "close");
            ContainerAccess.setStatus(request, response, 426, "Upgrade Required");
            ErrorBody.writeBody(response, "Upgrade Required: open a websocket connection on this URL");
        }
    }

    /** Maps the guard onto {@code SOCKET_PATH} and everything below it. */
    @WebListener
    public static class Installer implements ServletContextListener {

        @Inject
        SocketSettings settings;
        @Inject
        Apps apps;
        @Inject
        Availability availability;
        @Inject
        ServingState serving;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            FilterRegistration.Dynamic filter = event.getServletContext()
                    .addFilter("pusher-plain-http", new PlainHttpGuard(settings, apps, availability, serving));
            // ahead of the websocket container's own filter, so that upgrades are seen first
            filter.addMappingForUrlPatterns(null, false, settings.path(), settings.path() + "/*");
        }
    }
}
