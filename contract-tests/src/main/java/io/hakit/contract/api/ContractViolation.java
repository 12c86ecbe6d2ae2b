package io.hakit.contract.api;

/** A failure the gate has already charged to its operation: the scenario that met it stops, nothing more to charge. */
public final class ContractViolation extends AssertionError {

    public ContractViolation(String message) {
        super(message);
    }
}
