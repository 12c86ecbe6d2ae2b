package io.hakit.server.http;

import io.hakit.server.domain.Echoes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.PathSegment;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication first, as the real service's front proxy does, and deny by default: every path needs a known token
 * (401) except the few that are public, and a path under a version names an account, which must be the token's own
 * (403, whatever the resource). It reads the path's segments as Jersey routes them (the edge has made the path
 * canonical, so there is one reading); {@link AccessGuard} checks the matched route's own parameters again.
 */
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
        if (!ownsPath(segments, account.get())) {
            request.abortWith(forbidden(segments.get(1)));
            return;
        }
        request.setProperty(RequestAttributes.ACCOUNT, account.get());
    }

    /**
     * Whether a request would pass this filter (a public path, or a known token on its own account's path), from its
     * canonical path (the edge's: its segments, decoded, are the ones read here) and its token header: the edge reads
     * a request's body only then, so that the 401 or 403 comes before the body is read or held in memory (K2, K1).
     */
    public static boolean wouldPass(TokenRegistry tokens, String canonicalPath, String token) {
        List<String> segments = Arrays.stream(canonicalPath.split("/")).filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        if (isPublic(segments)) {
            return true;
        }
        Optional<String> account = tokens.account(token);
        return account.isPresent() && ownsPath(segments, account.get());
    }

    /**
     * A bookmark path ({@code /flavors/9}: two segments) answers for the token's account; any other names its account
     * second. Only the bookmark's own shape: a longer path under a bookmark's root ({@code /flavors/5678/ha}) is
     * routed as {@code /{version}/{accountId}/...}, so its second segment is the account it acts on.
     */
    private static boolean ownsPath(List<String> segments, String account) {
        return (segments.size() == 2 && BOOKMARKS.contains(segments.get(0))) || segments.get(1).equals(account);
    }

    static jakarta.ws.rs.core.Response forbidden(String account) {
        return Faults.response(403, "The token does not grant access to account " + Echoes.bounded(account) + ".");
    }

    /** The root (the version list), one segment (a version document, the served documents), the kit's own pages. */
    private static boolean isPublic(List<String> segments) {
        return segments.size() <= 1 || PUBLIC_ROOTS.contains(segments.get(0));
    }
}
