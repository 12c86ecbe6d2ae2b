package io.hakit.server.http;

import io.hakit.server.domain.Echoes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** v1.0 is the only version: any other in a path that otherwise matches answers 404, before the body is read. */
public final class ApiVersionFilter implements ContainerRequestFilter {

    public static final String VERSION = "v1.0";

    @Override
    public void filter(ContainerRequestContext request) {
        String version = request.getUriInfo().getPathParameters().getFirst("version");
        if (version != null && !VERSION.equals(version)) {
            request.abortWith(Faults.response(404, "API version " + Echoes.bounded(version) + " could not be found; the version is v1.0."));
        }
    }
}
