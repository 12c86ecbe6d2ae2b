package io.hakit.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Optional;

/** Answers an injected fault, or waits an injected delay, once the request's operation is known. */
@Priority(4000)
public final class FaultInjectionFilter implements ContainerRequestFilter {

    private final InjectedFaults faults;

    public FaultInjectionFilter(InjectedFaults faults) {
        this.faults = faults;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object operation = request.getProperty(RequestAttributes.OPERATION);
        if (operation == null || faults.isEmpty()) {
            return;
        }
        Optional<InjectedFaults.Fault> fault = faults.take(operation.toString());
        if (fault.isEmpty()) {
            return;
        }
        InjectedFaults.Fault f = fault.get();
        if (f.delayMs() != null && f.delayMs() > 0) {
            sleep(f.delayMs());
        }
        if (f.status() == null) {
            return;
        }
        String message = "Injected fault for " + operation + ".";
        if (f.status() == 413 && f.retryAfterSeconds() != null) {
            request.abortWith(Faults.rateLimited(message, f.retryAfterSeconds()));
        } else {
            request.abortWith(Faults.response(f.status(), message));
        }
    }

    /** The delay is the fault: a real wait on a worker thread, as a slow service would make. */
    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
