package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Fault whose message or details is a stack trace fails error_body; a sentence about the request does not. */
class StackTracesTest {

    private static final Map<Integer, String> FAULTS = Map.of(400, "badRequest");

    @Test
    void tracesOfEachRuntimeAreFound() {
        for (String trace : new String[] {
                "java.lang.NullPointerException\n\tat io.x.Actions.resize(Actions.java:42)",
                "Cannot deserialize: com.fasterxml.jackson.databind.exc.MismatchedInputException: no int",
                "Traceback (most recent call last):\n  File \"/srv/app.py\", line 12, in handler",
                "TypeError: x is undefined\n    at handle (/srv/app/index.js:10:5)",
                "panic: runtime error: index out of range\n\ngoroutine 1 [running]:",
                "   at Api.Actions.Resize() in C:\\src\\Actions.cs:line 12",
                "app.rb:12:in `resize'"}) {
            assertThat(StackTraces.in(trace)).as(trace).isPresent();
            assertThat(AnswerChecks.faultProblem(400, "{\"badRequest\": {\"code\": 400, \"message\": "
                    + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(trace) + "}}", FAULTS))
                    .as(trace).get().asString().contains("badRequest.message holds a stack trace");
        }
    }

    @Test
    void sentencesAboutTheRequestAreNoTrace() {
        for (String message : new String[] {
                "The request body's value at /resize_volumes/size is 400; the document allows at most 300.",
                "The request body is not JSON: unexpected end at line 1, column 17.",
                "The query parameter limit is abc; the document wants an integer.",
                "HA instance 4f6f37e1-7ba7-3f7b-8dd9-5d1076f14a84 is in state BUILD: at most one action at a time.",
                "Invalid request body.", "'volume.size' must be between 1 and 300."}) {
            assertThat(StackTraces.in(message)).as(message).isEmpty();
        }
    }
}
