package io.hakit.server.http;

import io.hakit.server.domain.EmulatorClock;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** Journals every request but the control API's, with its named operation and its status. */
public final class JournalFilter implements ContainerResponseFilter {

    private final Journal journal;
    private final EmulatorClock clock;

    public JournalFilter(Journal journal, EmulatorClock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = Paths.of(request);
        if (path.startsWith("/_emulator")) {
            return;
        }
        Object operation = request.getProperty(RequestAttributes.OPERATION);
        Object account = request.getProperty(RequestAttributes.ACCOUNT);
        journal.record(new Journal.Entry(clock.now(), request.getMethod(), path,
                operation == null ? null : operation.toString(), account == null ? null : account.toString(),
                response.getStatus()));
    }
}
