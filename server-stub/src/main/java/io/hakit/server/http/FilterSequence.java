package io.hakit.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Request filters registered with Jersey as one, run in the order given until one answers. Jersey merges and sorts
 * its registered filters by priority on every request (allocating as it goes): with eleven, that was about 3 % of the
 * write mix's CPU and 6 % of its allocations (issue 12, docs/benchmarks.md). The order is written once, where the
 * application lists its filters.
 */
public class FilterSequence implements ContainerRequestFilter {

    private final List<ContainerRequestFilter> filters;

    private FilterSequence(List<ContainerRequestFilter> filters) {
        this.filters = filters;
    }

    /** Filters that run before Jersey matches a resource (authentication, limits, the readable Content-Type). */
    public static ContainerRequestFilter beforeRouting(ContainerRequestFilter... filters) {
        return new BeforeRouting(List.of(filters));
    }

    /** Filters that run once the resource method is matched. */
    public static ContainerRequestFilter afterRouting(ContainerRequestFilter... filters) {
        return new FilterSequence(List.of(filters));
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        for (ContainerRequestFilter filter : filters) {
            filter.filter(request);
            if (((ContainerRequest) request).getAbortResponse() != null) {
                return;
            }
        }
    }

    @PreMatching
    private static final class BeforeRouting extends FilterSequence {
        BeforeRouting(List<ContainerRequestFilter> filters) {
            super(filters);
        }
    }
}
