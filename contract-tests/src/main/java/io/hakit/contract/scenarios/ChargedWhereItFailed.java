package io.hakit.contract.scenarios;

import io.hakit.contract.Conformance;
import io.hakit.contract.Exchange;
import io.hakit.contract.Target;
import io.hakit.contract.api.ContractViolation;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Charges a scenario's own failure (an assertion on what the answers held) to the operation of the last exchange
 * the scenario itself made, at the moment it fails: before its clean-up runs. Charged once the test had finished,
 * the failure went to the clean-up's last request instead (a delete of the group, whatever the scenario showed).
 */
final class ChargedWhereItFailed implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof io.hakit.contract.RunBound.Passed) { // cut short by --maxSeconds: not run, not failed
            Target.current().conformance().scenarioNotRun(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName(), failure.getMessage());
            throw failure;
        }
        if (failure instanceof ContractViolation || failure instanceof TestAbortedException) {
            throw failure;
        }
        Conformance conformance = Target.current().conformance();
        var last = conformance.lastExchange();
        String operation = last.map(Exchange::operation).orElse(Conformance.NO_OPERATION);
        String check = failure instanceof AssertionError ? "documented_behaviour" : "scenario_error";
        String message = context.getRequiredTestMethod().getName() + "(): " + failure.getMessage();
        conformance.violated(operation, check, message, last.orElse(null));
        ContractViolation charged = new ContractViolation(message);
        charged.initCause(failure);
        throw charged;
    }
}
