package io.zintrust.socket.connection;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets a response status with its reason phrase. Servlet 6 dropped {@code setStatus(int, String)}, and
 * Payara's Grizzly writes the phrase of its {@code org.glassfish.grizzly.http.util.HttpStatus} table,
 * which has no 426: {@code setStatus(426)} goes out as {@code HTTP/1.1 426 CUSTOM}. ({@code sendError}
 * would set the phrase but replaces the body with the container's error page.)
 * <p>
 * On Payara the request is Catalina's {@code RequestFacade}; its public
 * {@code getUnwrappedCoyoteRequest().getCoyoteRequest().getResponse()} is the Grizzly response of this
 * exchange, whose public {@code setStatus(int, String)} writes the phrase given. Elsewhere, or if that
 * path is not there, the plain {@code setStatus(status)} stands and the container picks the phrase.
 */
final class StatusLine {

    private StatusLine() {
    }

    static void set(ServletRequest request, HttpServletResponse response, int status, String reason) {
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
