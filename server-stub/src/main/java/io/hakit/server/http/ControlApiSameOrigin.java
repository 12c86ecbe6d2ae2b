package io.hakit.server.http;

import com.google.common.net.InetAddresses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.HostPort;

/**
 * The control API takes no token, so any web page open in a tester's browser could drive it: a request that needs
 * no preflight (a form's POST, or a fetch in no-cors mode) with no body reached a failover, since only a body's
 * media type was checked (415). Browsers mark every such request: an {@code Origin} on each one that is not a GET
 * or a HEAD, and {@code Sec-Fetch-Site} on all. A control request from a page of another origin (its Origin's host
 * and port are not this request's Host, or it is {@code null}), or that the browser says is from another site, is
 * a 403, whatever its method and body. Clients that are not browsers send neither header.
 *
 * <p>A page of the same origin is one more case: its name may be one its owner pointed at this machine a moment ago
 * (DNS rebinding), and its requests then look the same as this server's own pages' in every header: a GET of the
 * same origin carries no Origin, and over plain HTTP at a name that is not localhost browsers send no
 * {@code Sec-Fetch-Site} either. So every control request (a browser always sends a Host) must be to a name no one
 * else can point here: a loopback name ({@code localhost}, {@code *.localhost}), an IP address, or a name the server
 * was given (its {@code --host}, the host of its {@code --public-url}). A client that reaches the server by another
 * name (a container's service name) gives that name with {@code --public-url}.
 */
public final class ControlApiSameOrigin implements ContainerRequestFilter {

    /** The Sec-Fetch-Site values of a request a page of this server, or the user, made (Fetch Metadata). */
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final Set<String> givenNames;

    /** @param givenNames the names the server was given for itself (not IP addresses, which are always its own) */
    public ControlApiSameOrigin(Set<String> givenNames) {
        this.givenNames = givenNames.stream().map(ControlApiSameOrigin::canonical).collect(Collectors.toSet());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = Paths.of(request);
        if (!ErrorBodies.isControlApi(path)) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        String host = request.getHeaderString("Host");
        String site = request.getHeaderString("Sec-Fetch-Site");
        site = site == null ? null : site.strip().toLowerCase(Locale.ROOT);
        if (isOtherOrigin(origin, host) || (site != null && !OWN_SITE.contains(site))) {
            request.abortWith(ErrorBodies.response(path, 403, "The control API answers no page of another origin: "
                    + "it takes no token, so a browser's cross-origin request is refused. Send it from a test, not a page."));
        } else if (host != null && !isNameOfThisMachine(host)) {
            request.abortWith(ErrorBodies.response(path, 403, "The control API answers only at localhost, an IP address, "
                    + "or the name given with --host or --public-url: a browser's page at another name may be one that "
                    + "name's owner has just pointed at this machine. Reach it at one of those, or start the server with "
                    + "--public-url http://NAME:PORT for the name you use."));
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

    /** A host name as compared: lower case, without the final dot of a fully qualified name. */
    private static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** Whether a Host header names this machine in a way no one else's DNS can: see the class comment. */
    boolean isNameOfThisMachine(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String name;
        try {
            name = canonical(new HostPort(hostHeader.strip()).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return name.equals("localhost") || name.endsWith(".localhost") || InetAddresses.isUriInetAddress(name)
                || givenNames.contains(name);
    }
}
