package io.hakit.server.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Only the paths and methods the documents define. Jersey answers OPTIONS on every path by itself, which neither
 * document describes, so it answers 405 badMethod with the path's documented methods in Allow (known once the path
 * is matched). A HEAD never gets here: the edge answers it as its GET (io.hakit.server.edge.HeadAsGet). Jersey also
 * matches a path with a trailing slash to the path without it; neither API has such a path (Rackspace: "no trailing
 * slashes"), so it is 404, as on a service that does not route it: a client that adds one learns it here. The pages
 * for readers take both spellings, as browsers do.
 */
public final class DocumentedMethodsFilter implements ContainerRequestFilter {

    /** The methods Jersey adds to every path (HEAD where there is a GET): not in Allow, which names the document's. */
    private static final Set<String> UNDOCUMENTED = Set.of(HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public void filter(ContainerRequestContext request) {
        String path = Paths.of(request);
        if (path.length() > 1 && path.endsWith("/") && !DocumentsResource.serves(path)) {
            request.abortWith(ErrorBodies.response(path, 404,
                    "No path of the API ends with '/': send it without the trailing slash."));
            return;
        }
        if (!UNDOCUMENTED.contains(request.getMethod())) {
            return;
        }
        ResourceMethod matched = ((ExtendedUriInfo) request.getUriInfo()).getMatchedResourceMethod();
        Set<String> methods = matched == null || matched.getParent() == null ? Set.of() : documented(
                matched.getParent().getResourceMethods().stream().map(ResourceMethod::getHttpMethod).toList());
        request.abortWith(jakarta.ws.rs.core.Response.fromResponse(
                        ErrorBodies.response(Paths.of(request), 405, request.getMethod() + " is not among this path's methods."))
                .allow(methods).build());
    }

    /** The methods a path answers, without the two Jersey adds by itself. */
    static Set<String> documented(java.util.Collection<String> methods) {
        Set<String> documented = new TreeSet<>(methods);
        documented.removeAll(UNDOCUMENTED);
        return documented;
    }
}
