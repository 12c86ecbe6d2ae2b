package io.hakit.server.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.server.domain.Echoes;
import io.hakit.server.emulator.api.FaultsApi;
import io.hakit.server.emulator.api.model.FaultSpec;
import io.hakit.server.http.InjectedFaults;
import io.hakit.server.http.OperationNames;
import jakarta.ws.rs.core.Response;

/** Arm, list and clear injected faults. */
public final class FaultsResource implements FaultsApi {

    private final InjectedFaults faults;
    private final OperationNames operationNames;

    public FaultsResource(InjectedFaults faults, OperationNames operationNames) {
        this.faults = faults;
        this.operationNames = operationNames;
    }

    @Override
    public Response injectFault(FaultSpec spec) {
        if (!operationNames.isNamedOperation(spec.getOperation())) {
            // quoted, so that an empty name shows as empty; cut short, so that a long one does not come back whole
            return ControlResponses.problem(400, "The operation '" + Echoes.bounded(spec.getOperation())
                    + "' is not a named operation of the HA document (its x-operations).");
        }
        if (spec.getStatus() == null && spec.getDelayMs() == null) {
            return ControlResponses.problem(400, "A fault needs a status, a delayMs, or both.");
        }
        InjectedFaults.Fault fault = faults.arm(spec.getOperation(),
                spec.getStatus() == null ? null : spec.getStatus().value(), spec.getCount(), spec.getDelayMs(),
                spec.getRetryAfterSeconds());
        return ControlResponses.json(201, view(fault));
    }

    @Override
    public Response listFaults() {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        var array = list.putArray("faults");
        faults.armed().forEach(f -> array.add(view(f)));
        return ControlResponses.json(200, list);
    }

    @Override
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    private static ObjectNode view(InjectedFaults.Fault fault) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", fault.id());
        view.put("operation", fault.operation());
        if (fault.status() != null) {
            view.put("status", fault.status());
        }
        view.put("count", fault.count());
        if (fault.delayMs() != null) {
            view.put("delayMs", fault.delayMs());
        }
        if (fault.retryAfterSeconds() != null) {
            view.put("retryAfterSeconds", fault.retryAfterSeconds());
        }
        view.put("remaining", fault.remaining());
        return view;
    }
}
