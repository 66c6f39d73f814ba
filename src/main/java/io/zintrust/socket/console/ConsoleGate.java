package io.zintrust.socket.console;

import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.http.ErrorBody;
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
 * Keeps the debug console (its page and its API) off unless SOCKET_CONSOLE=true: then 404, as if it
 * were not there. When on, its page may load nothing from elsewhere and may not be framed.
 */
public class ConsoleGate extends HttpFilter {

    private final boolean on;

    ConsoleGate(boolean on) {
        this.on = on;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!on) {
            ErrorBody.write(response, 404, "Not found: the console is off (SOCKET_CONSOLE=true turns it on)");
            return;
        }
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    /** Maps the gate onto /console and everything below it. */
    @WebListener
    public static class Installer implements ServletContextListener {

        @Inject
        SocketSettings settings;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            FilterRegistration.Dynamic filter = event.getServletContext()
                    .addFilter("zintrust-console-gate", new ConsoleGate(settings.console()));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(null, false, "/console", "/console/*");
        }
    }
}
