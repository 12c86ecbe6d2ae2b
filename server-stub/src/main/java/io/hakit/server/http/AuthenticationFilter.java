package io.hakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication first, as the real service's front proxy does, and deny by default: every path needs a known token
 * (401) except the few that are public, and a path under a version names an account, which must be the token's own
 * (403, whatever the resource). It reads the path's segments as Jersey routes them (the edge has made the path
 * canonical, so there is one reading); {@link AccessGuard} checks the matched route's own parameters again.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    public static final String TOKEN_HEADER = "X-Auth-Token";

    /** First segments of paths that need no token: the control API and the Swagger UI (the kit's, not the service's). */
    private static final Set<String> PUBLIC_ROOTS = Set.of("_emulator", "docs");
    /** The bookmark forms ({@code /flavors/9}) have no account in the path: they answer for the token's. */
    private static final Set<String> BOOKMARKS = Set.of("flavors", "instances", "configurations");

    private final TokenRegistry tokens;

    public AuthenticationFilter(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> segments = request.getUriInfo().getPathSegments(true).stream().map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty()).toList();
        if (isPublic(segments)) {
            return;
        }
        Optional<String> account = tokens.account(request.getHeaderString(TOKEN_HEADER));
        if (account.isEmpty()) {
            request.abortWith(Faults.response(401, "This server could not verify that you are authorized to access "
                    + "the document you requested: send a valid token in X-Auth-Token."));
            return;
        }
        if (!BOOKMARKS.contains(segments.get(0)) && !segments.get(1).equals(account.get())) {
            request.abortWith(forbidden(segments.get(1)));
            return;
        }
        request.setProperty(RequestAttributes.ACCOUNT, account.get());
    }

    static jakarta.ws.rs.core.Response forbidden(String account) {
        return Faults.response(403, "The token does not grant access to account " + account + ".");
    }

    /** The root (the version list), one segment (a version document, the served documents), the kit's own pages. */
    private static boolean isPublic(List<String> segments) {
        return segments.size() <= 1 || PUBLIC_ROOTS.contains(segments.get(0));
    }
}
