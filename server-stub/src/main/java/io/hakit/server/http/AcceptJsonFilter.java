package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The API speaks JSON only and answers JSON whatever the Accept header says (the seed's clients send
 * application/json; a browser sends text/html): a 406 is not among the documented answers. The documents
 * ({@link DocumentsResource}) are answered in their own media type whatever it says, for the same reason.
 */
public final class AcceptJsonFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (DocumentsResource.serves(Paths.of(request))) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
        } else {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }
}
