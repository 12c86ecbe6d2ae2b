package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * A request's Content-Type is one media type, or absent: Jersey reads it while it routes the request, where a header
 * it cannot read (empty, repeated, not a media type) became a bare 400 without a body, outside every exception
 * mapper. Here, just before routing (after authentication, rate limits and body size), it gets the Fault or the
 * Problem of its path, read by the same parser Jersey routes with.
 */
public final class ReadableContentType implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getMediaType();
        } catch (RuntimeException unreadable) { // Jersey's HeaderValueException, or IllegalArgumentException
            request.abortWith(ErrorBodies.response(Paths.of(request), 400,
                    "The Content-Type header is not one media type: send Content-Type: application/json."));
        }
    }
}
