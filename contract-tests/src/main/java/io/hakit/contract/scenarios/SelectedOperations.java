package io.hakit.contract.scenarios;

import io.hakit.contract.Target;
import java.util.Arrays;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a scenario class only if one of the operations it {@link Covers} is among those the gate judges. */
final class SelectedOperations implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Covers covers = context.getRequiredTestClass().getAnnotation(Covers.class);
        if (covers == null) {
            return ConditionEvaluationResult.enabled("covers every operation");
        }
        return Arrays.stream(covers.value()).anyMatch(Target.current().config()::judges)
                ? ConditionEvaluationResult.enabled("an operation it covers is judged")
                : ConditionEvaluationResult.disabled("none of " + Arrays.toString(covers.value()) + " is judged (--only/--skip)");
    }
}
