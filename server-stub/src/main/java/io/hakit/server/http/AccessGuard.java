package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.logging.Logger;

/**
 * The last word on who reaches an operation, from the route Jersey matched rather than from the path's spelling:
 * an operation the document secures runs only for an authenticated account, and only on that account's own path
 * parameter, which is the one the resource acts on. {@link AuthenticationFilter} has already answered every
 * ordinary case; this guard answers only if the two ever disagree, and says so in the log.
 */
public final class AccessGuard implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AccessGuard.class.getName());

    private final OperationNames operations;

    public AccessGuard(OperationNames operations) {
        this.operations = operations;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String operationId = MatchedRoute.of(request).operationId();
        if (operationId == null || !operations.needsToken(operationId)) {
            return;
        }
        Object account = request.getProperty(RequestAttributes.ACCOUNT);
        String pathAccount = request.getUriInfo().getPathParameters().getFirst("accountId");
        if (account == null) {
            LOG.severe(() -> "refused " + request.getMethod() + " " + request.getUriInfo().getPath(false)
                    + ": it reached " + operationId + " without authentication");
            request.abortWith(Faults.response(401, "This server could not verify that you are authorized to access "
                    + "the document you requested: send a valid token in X-Auth-Token."));
        } else if (pathAccount != null && !pathAccount.equals(account)) {
            LOG.severe(() -> "refused " + request.getMethod() + " " + request.getUriInfo().getPath(false)
                    + ": account " + account + " reached " + operationId + " of account " + pathAccount);
            request.abortWith(AuthenticationFilter.forbidden(pathAccount));
        }
    }
}
