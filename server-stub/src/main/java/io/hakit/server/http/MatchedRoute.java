package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The Java method Jersey matched a request to, looked up once per request from Jersey's routing context
 * ({@link ExtendedUriInfo}, which the request carries) and kept as a request property. The filters that need it ask
 * here instead of each holding an injected {@code @Context ResourceInfo}: that is an hk2 proxy, and resolving it on
 * every call was about a twentieth of the read mix's CPU (issue 12).
 */
public record MatchedRoute(Method method, Class<?> resourceClass) {

    private static final String PROPERTY = "hakit.matched-route";
    private static final MatchedRoute NONE = new MatchedRoute(null, null);
    private static final String CONTROL_API_PACKAGE = "io.hakit.server.emulator.api";

    /** The route of a request whose resource has been matched (from a post-matching filter on). */
    public static MatchedRoute of(ContainerRequestContext request) {
        Object known = request.getProperty(PROPERTY);
        if (known instanceof MatchedRoute route) {
            return route;
        }
        MatchedRoute route = lookUp(request);
        request.setProperty(PROPERTY, route);
        return route;
    }

    private static MatchedRoute lookUp(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo uriInfo)) {
            return NONE;
        }
        ResourceMethod matched = uriInfo.getMatchedResourceMethod();
        if (matched == null) {
            return NONE;
        }
        Invocable invocable = matched.getInvocable();
        return new MatchedRoute(invocable.getHandlingMethod(), invocable.getHandler().getHandlerClass());
    }

    /** The name of the matched method: the document's operationId for a generated interface's method; else null. */
    public String operationId() {
        return method == null ? null : method.getName();
    }

    /** Whether the matched resource implements an interface generated from the control API's document. */
    public boolean isControlOperation() {
        return resourceClass != null && Arrays.stream(resourceClass.getInterfaces())
                .anyMatch(type -> type.getPackageName().equals(CONTROL_API_PACKAGE));
    }
}
