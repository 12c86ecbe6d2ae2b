package io.hakit.server.http;

import io.hakit.server.domain.Limits;
import io.hakit.server.domain.World;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 413 overLimit with Retry-After when the account's rate limits (off by default) are exceeded. */
public final class RateLimitFilter implements ContainerRequestFilter {

    private static final Pattern API_PATH = Pattern.compile("^/v[0-9.]+/[^/]+(/.*)$");

    private final World world;
    private final RateLimiter limiter;

    public RateLimitFilter(World world, RateLimiter limiter) {
        this.world = world;
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object account = request.getProperty(RequestAttributes.ACCOUNT);
        Matcher matcher = API_PATH.matcher(Paths.of(request));
        if (account == null || !world.mayRateLimit() || !matcher.matches()) {
            return;
        }
        Limits limits = world.locked(() -> world.account(account.toString()).limits());
        if (limits.rates().isEmpty()) {
            return;
        }
        Optional<Long> wait = limiter.admit(account.toString(), request.getMethod(), matcher.group(1), limits.rates());
        wait.ifPresent(seconds -> request.abortWith(Faults.rateLimited(
                "Rate limit exceeded for " + request.getMethod() + " " + matcher.group(1) + ".", seconds)));
    }
}
