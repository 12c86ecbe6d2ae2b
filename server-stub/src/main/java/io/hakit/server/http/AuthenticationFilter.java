package io.hakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authentication first, as the real service's front proxy does: every API path (under a version, and the bookmark
 * forms) needs a known token (401), and a path that names an account must name the token's own (403, whatever the
 * resource). Anything else is left to routing (404).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    public static final String TOKEN_HEADER = "X-Auth-Token";

    /** What needs a token: below a version (the version document itself is public), and the bookmark forms. */
    private static final Pattern PROTECTED = Pattern.compile("^/(v[0-9]+(\\.[0-9]+)?/.+|(flavors|instances|configurations)/[^/]+)$");

    /** {@code /{version}/{accountId}/...}: the account is the second segment. */
    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/v[0-9]+(\\.[0-9]+)?/([^/]+)(/.*)?$");

    private final TokenRegistry tokens;

    public AuthenticationFilter(TokenRegistry tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = Paths.of(request);
        if (!PROTECTED.matcher(path).matches()) {
            return;
        }
        Optional<String> account = tokens.account(request.getHeaderString(TOKEN_HEADER));
        if (account.isEmpty()) {
            request.abortWith(Faults.response(401, "This server could not verify that you are authorized to access "
                    + "the document you requested: send a valid token in X-Auth-Token."));
            return;
        }
        Matcher matcher = ACCOUNT_PATH.matcher(path);
        if (matcher.matches() && !matcher.group(2).equals(account.get())) {
            request.abortWith(Faults.response(403, "The token does not grant access to account " + matcher.group(2) + "."));
            return;
        }
        request.setProperty(RequestAttributes.ACCOUNT, account.get());
    }
}
