package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The control API takes no token, so any web page open in a tester's browser could drive it: a request that needs
 * no preflight (a form's POST, or a fetch in no-cors mode) with no body reached a failover, since only a body's
 * media type was checked (415). Browsers mark every such request: an {@code Origin} on each one that is not a GET
 * or a HEAD, and {@code Sec-Fetch-Site} on all. A control request from a page of another origin (its Origin's host
 * and port are not this request's Host, or it is {@code null}), or that the browser says is from another site, is
 * a 403, whatever its method and body. Clients that are not browsers send neither header.
 */
public final class ControlApiSameOrigin implements ContainerRequestFilter {

    /** The Sec-Fetch-Site values of a request a page of this server, or the user, made (Fetch Metadata). */
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = Paths.of(request);
        if (!ErrorBodies.isControlApi(path)) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (isOtherOrigin(request.getHeaderString("Origin"), request.getHeaderString("Host"))
                || (site != null && !OWN_SITE.contains(site.strip().toLowerCase(Locale.ROOT)))) {
            request.abortWith(ErrorBodies.response(path, 403, "The control API answers no page of another origin: "
                    + "it takes no token, so a browser's cross-origin request is refused. Send it from a test, not a page."));
        }
    }

    /** Whether an Origin header names another origin than the one the request was sent to (its Host). */
    static boolean isOtherOrigin(String origin, String host) {
        if (origin == null) {
            return false;
        }
        try {
            String authority = new URI(origin.strip()).getRawAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return true; // "null" (a sandboxed page, a file), or two values joined: no origin of this server
        }
    }
}
