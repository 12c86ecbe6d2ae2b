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
 * Only the methods the documents define: Jersey answers HEAD and OPTIONS on every path by itself, which neither
 * document describes, so they answer 405 badMethod with the path's documented methods in Allow (known once the
 * path is matched; Jersey routes a HEAD as a GET, hence the method remembered before matching).
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
