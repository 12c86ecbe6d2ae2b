package io.hakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Only the paths and methods the documents define. Jersey answers HEAD and OPTIONS on every path by itself, which
 * neither document describes, so they answer 405 badMethod with the path's documented methods in Allow (known once
 * the path is matched; Jersey routes a HEAD as a GET, hence the method remembered before matching). Jersey also
 * matches a path with a trailing slash to the path without it; neither API has such a path (Rackspace: "no trailing
 * slashes"), so it is 404, as on a service that does not route it: a client that adds one learns it here. The pages
 * for readers take both spellings, as browsers do.
 */
@Priority(Priorities.AUTHENTICATION)
public final class DocumentedMethodsFilter implements ContainerRequestFilter {

    private static final Set<String> UNDOCUMENTED = Set.of(HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String SENT_METHOD = "hakit.sentMethod";

    /** Remembers the method as sent, before Jersey's routing turns a HEAD into a GET. */
    @PreMatching
    @Priority(Priorities.AUTHENTICATION)
    public static final class SentMethod implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(SENT_METHOD, request.getMethod());
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = Paths.of(request);
        if (path.length() > 1 && path.endsWith("/") && !DocumentsResource.serves(path)) {
            request.abortWith(ErrorBodies.response(path, 404,
                    "No path of the API ends with '/': send it without the trailing slash."));
            return;
        }
        Object sent = request.getProperty(SENT_METHOD);
        if (!UNDOCUMENTED.contains(sent == null ? request.getMethod() : sent.toString())) {
            return;
        }
        ResourceMethod matched = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod();
        Set<String> methods = matched == null || matched.getParent() == null ? Set.of() : documented(
                matched.getParent().getResourceMethods().stream().map(ResourceMethod::getHttpMethod).toList());
        request.abortWith(jakarta.ws.rs.core.Response.fromResponse(
                        ErrorBodies.response(Paths.of(request), 405, sent + " is not among this path's methods."))
                .allow(methods).build());
    }

    /** The methods a path answers, without the two Jersey adds by itself. */
    static Set<String> documented(java.util.Collection<String> methods) {
        Set<String> documented = new TreeSet<>(methods);
        documented.removeAll(UNDOCUMENTED);
        return documented;
    }
}
