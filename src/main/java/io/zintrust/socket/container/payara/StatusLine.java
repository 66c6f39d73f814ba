package io.zintrust.socket.container.payara;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets a response status with its reason phrase. Servlet 6 dropped {@code setStatus(int, String)}, and
 * Payara's Grizzly writes the phrase of its {@code HttpStatus} table, which has no 426:
 * {@code setStatus(426)} goes out as {@code HTTP/1.1 426 CUSTOM}. ({@code sendError} would set the phrase
 * but replaces the body with the container's error page.) On Payara the request is Catalina's facade,
 * whose public {@code getUnwrappedCoyoteRequest().getCoyoteRequest().getResponse()} is this exchange's
 * Grizzly response, with a public {@code setStatus(int, String)}. Elsewhere the plain status stands.
 */
public final class StatusLine {

    private StatusLine() {
    }

    public static void set(ServletRequest request, HttpServletResponse response, int status, String reason) {
        response.setStatus(status);
        while (request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        try {
            Object catalina = request.getClass().getMethod("getUnwrappedCoyoteRequest").invoke(request);
            Object grizzly = catalina.getClass().getMethod("getCoyoteRequest").invoke(catalina);
            Object grizzlyResponse = grizzly.getClass().getMethod("getResponse").invoke(grizzly);
            grizzlyResponse.getClass().getMethod("setStatus", int.class, String.class)
                    .invoke(grizzlyResponse, status, reason);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // not Payara's Catalina: the container's own phrase for the status stands
        }
    }
}
