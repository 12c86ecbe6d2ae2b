package io.hakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The API speaks JSON only and answers JSON whatever the Accept header says (the seed's clients send
 * application/json; a browser sends text/html): a 406 is not among the documented answers.
 */
@PreMatching
@Priority(100)
public final class AcceptJsonFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!DocumentsResource.PATHS.contains(Paths.of(request))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }
}
