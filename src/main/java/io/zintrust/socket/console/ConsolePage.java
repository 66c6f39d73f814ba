package io.zintrust.socket.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's three files from {@code webapp/console/}. The HTTP API's JAX-RS application owns every
 * path below the context root, so the container's default servlet never sees them: they are served
 * here, by name, and nothing else is.
 */
@Path("console")
@ApplicationScoped
public class ConsolePage {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    @Context
    ServletContext servlet;

    @GET
    public Response index(@Context UriInfo uri) {
        if (!uri.getPath().endsWith("/")) {
            // the page's files are named relative to /console/
            return Response.seeOther(uri.getRequestUriBuilder().path("/").build()).build();
        }
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            return Response.status(404).type("application/json").entity("{\"error\":\"Not found\"}").build();
        }
        try (InputStream in = servlet.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                return Response.status(404).type("application/json").entity("{\"error\":\"Not found\"}").build();
            }
            return Response.ok(in.readAllBytes(), type).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
