package io.zintrust.socket.http;

import io.zintrust.socket.apps.SocketSettings;
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
import java.util.List;

/**
 * CORS for {@code /broadcasting/*} and {@code /apps/*}, so that pages on the origins of
 * {@code SOCKET_CORS_ORIGINS} (pusher-js's channel authorization, a browser dashboard) may read the
 * answers. Preflights are answered here, before JAX-RS; other requests go on with the headers added.
 * A page of another origin gets no CORS headers, so its browser keeps the answer from it.
 */
public class CrossOriginRequests extends HttpFilter {

    private final CrossOriginPolicy policy;

    CrossOriginRequests(CrossOriginPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        if (CrossOriginPolicy.isPreflight(request.getMethod(), request.getHeader("Access-Control-Request-Method"))) {
            answerPreflight(origin, request.getHeader("Access-Control-Request-Headers"), response);
            return;
        }
        add(policy.answerHeaders(origin), response);
        chain.doFilter(request, response);
    }

    private void answerPreflight(String origin, String requestedHeaders, HttpServletResponse response)
            throws IOException {
        List<CrossOriginPolicy.Header> headers = policy.preflightHeaders(origin, requestedHeaders);
        if (headers.isEmpty()) {
            // said in JSON for whoever reads the network panel: the browser itself only reports a CORS failure
            ErrorBody.write(response, 403, CrossOriginPolicy.refusal(origin));
            return;
        }
        add(headers, response);
        response.setStatus(204);
    }

    private static void add(List<CrossOriginPolicy.Header> headers, HttpServletResponse response) {
        for (CrossOriginPolicy.Header header : headers) {
            response.addHeader(header.name(), header.value());
        }
    }

    /**
     * Maps the filter onto the HTTP routes, and only when some origin is configured: without CORS the
     * publish path does not pass through it at all.
     */
    @WebListener
    public static class Installer implements ServletContextListener {

        @Inject
        SocketSettings settings;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            CrossOriginPolicy policy = CrossOriginPolicy.of(settings.corsOrigins());
            if (policy.isOff()) {
                return;
            }
            FilterRegistration.Dynamic filter = event.getServletContext()
                    .addFilter("cross-origin-requests", new CrossOriginRequests(policy));
            filter.addMappingForUrlPatterns(null, false, "/broadcasting/*", "/apps/*");
        }
    }
}
