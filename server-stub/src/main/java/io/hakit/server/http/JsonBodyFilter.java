package io.hakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * A body without a Content-Type is not JSON to the API: 415, like any other media type. (JAX-RS matches a request
 * without Content-Type to any @Consumes, so routing alone lets it through.)
 */
@Priority(2500)
public final class JsonBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.hasEntity() && request.getMediaType() == null && !Paths.of(request).startsWith("/_emulator")) {
            request.abortWith(Faults.response(415, "A request body needs Content-Type: application/json."));
        }
    }
}
