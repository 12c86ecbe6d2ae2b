package io.hakit.server.http;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Optional;

/**
 * Answers an injected fault, or delays the answer, once the request's operation is known. A delay is left on the
 * container's request for the edge, which sends the answer when it is over: the operation takes effect at once, and a
 * delay holds no worker thread (a slow answer, as a client sees a slow service).
 */
public final class FaultInjectionFilter implements ContainerRequestFilter {

    private final InjectedFaults faults;
    @Inject
    private Provider<org.eclipse.jetty.server.Request> containerRequest;

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
            containerRequest.get().setAttribute(RequestAttributes.ANSWER_DELAY_MS, f.delayMs());
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
}
