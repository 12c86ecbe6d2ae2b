package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A body without a Content-Type is not JSON to the API: 415, like any other media type. (JAX-RS matches a request
 * without Content-Type to any @Consumes, so routing alone lets it through.) Neither API reads a content coding
 * (RFC 9110, 8.4.1: a request with a Content-Encoding the server does not take gets 415): a gzip body was read as
 * if it were the JSON it claims to compress. A media range ({@code *}{@code /*}) is no body's type: 415 too.
 */
public final class JsonBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String coding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
            request.abortWith(ErrorBodies.response(Paths.of(request), 415,
                    "The API reads request bodies without a content coding: send them without Content-Encoding."));
            return;
        }
        if (request.hasEntity() && request.getMediaType() == null && !Paths.of(request).startsWith("/_emulator")) {
            request.abortWith(Faults.response(415, "A request body needs Content-Type: application/json."));
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && request.hasEntity() && (type.isWildcardType() || type.isWildcardSubtype())) {
            // a range is for Accept; as a body's type it names none, and JAX-RS would match it to any @Consumes
            request.abortWith(ErrorBodies.response(Paths.of(request), 415,
                    "A request body's Content-Type names one media type, not a range: send application/json."));
        }
    }
}
