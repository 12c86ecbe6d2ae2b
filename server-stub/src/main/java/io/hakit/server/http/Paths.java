package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The request path as sent (not decoded), always with its leading slash. */
final class Paths {

    private Paths() {}

    static String of(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        return path.startsWith("/") ? path : "/" + path;
    }
}
