package io.hakit.contract.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.contract.edge.EdgeProbe.Credential;
import io.hakit.contract.edge.EdgeProbe.Spelling;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges one probe's answer by one rule: a documented refusal (or, for an equivalent spelling, the same answer),
 * never a bypass of authentication or tenancy, never a 5xx, never a hang past the bound. In strict mode (the
 * reference server) the answer must also be the one the kit documents for it.
 */
public final class EdgeJudge {

    public enum Mode {
        /** What any correct implementation must do. */
        RULE,
        /** What the reference server documents, exactly. */
        STRICT
    }

    /** One broken check: its name (after Schemathesis' where one matches) and what was seen. */
    public record Violation(String check, String detail) {
        @Override
        public String toString() {
            return check + ": " + detail;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mode mode;
    private final Map<Integer, String> faultNames;

    public EdgeJudge(Mode mode, Map<Integer, String> faultNames) {
        this.mode = mode;
        this.faultNames = Map.copyOf(faultNames);
    }

    /**
     * @param canonicalStatus what the route's valid request answers with the probe's credential (0 if unknown)
     * @param stateChanged whether the server's state differs after the probe (null if it could not be told)
     */
    public List<Violation> judge(EdgeProbe probe, RawAnswer answer, int canonicalStatus, Boolean stateChanged) {
        List<Violation> violations = new ArrayList<>();
        switch (answer.outcome()) {
            case NO_ANSWER_IN_TIME -> violations.add(new Violation("answered_in_time",
                    "no answer within " + answer.took().toMillis() + " ms"));
            case UNREACHABLE -> violations.add(new Violation("reachable", "no connection: " + answer.statusLine()));
            case GARBLED -> violations.add(new Violation("http_answer", "not an HTTP/1.x answer: " + answer.statusLine()));
            case CLOSED_WITHOUT_ANSWER -> {
                if (mode == Mode.STRICT || probe.spelling() != Spelling.MALFORMED) {
                    violations.add(new Violation("answered", "the connection closed without an answer " + answer.statusLine()));
                }
            }
            case ANSWERED -> judgeAnswer(probe, answer, canonicalStatus, violations);
        }
        if (Boolean.TRUE.equals(stateChanged) && !probe.mayChangeState()) {
            violations.add(new Violation("state_unchanged", "the request changed the server's state"));
        }
        return violations;
    }

    private void judgeAnswer(EdgeProbe probe, RawAnswer answer, int canonicalStatus, List<Violation> violations) {
        int status = answer.status();
        if (status >= 500) {
            violations.add(new Violation("not_a_server_error", answer.summary()));
        }
        if (bypassesAuthentication(probe, status)) {
            violations.add(new Violation("ignored_auth", probe.credential() + " token got " + answer.summary()));
        }
        if (probe.requestLine().startsWith("HEAD ")) {
            if (answer.body().length > 0) { // a keep-alive client would read it as the start of its next answer
                violations.add(new Violation("head_without_content", "an answer to a HEAD carried "
                        + answer.body().length + " bytes of content after its head (RFC 9110, 9.3.2)"));
            }
        } else if (status >= 400) {
            errorBody(probe, answer).ifPresent(violations::add);
        }
        if (probe.mustClose() && !answer.closed()) {
            violations.add(new Violation("connection_closed", "the connection stayed open after " + answer.statusLine()));
        }
        if (probe.credential() == Credential.OWN) {
            switch (probe.spelling()) {
                case MALFORMED -> {
                    if (status < 400) {
                        violations.add(new Violation("negative_data_rejection", "malformed, yet " + answer.summary()));
                    }
                }
                case EQUIVALENT -> {
                    if (canonicalStatus != 0 && status != canonicalStatus && (mode == Mode.STRICT || status != 400)) {
                        violations.add(new Violation("equivalent_spelling",
                                "the canonical request answers " + canonicalStatus + ", this spelling " + answer.summary()));
                    }
                }
                default -> { }
            }
        }
        if (mode == Mode.STRICT && !probe.expected().isEmpty()) {
            boolean expected = probe.expected().contains(status)
                    || (probe.expected().contains(0) && (canonicalStatus == 0 || status == canonicalStatus));
            if (!expected) {
                violations.add(new Violation("status_code_conformance", "expected " + describe(probe, canonicalStatus)
                        + ", got " + answer.summary()));
            }
        }
    }

    /** A request without a token to a secured route, or with another account's to an account's path, that got in. */
    private static boolean bypassesAuthentication(EdgeProbe probe, int status) {
        boolean refusedIdentity = (probe.credential() == Credential.NONE && probe.route().secured())
                || (probe.credential() == Credential.FOREIGN && probe.route().accountScoped());
        return refusedIdentity && status >= 200 && status < 400;
    }

    /** The documented error body of the status: the Fault ({"name": {code, message}}), or the control API's Problem. */
    private java.util.Optional<Violation> errorBody(EdgeProbe probe, RawAnswer answer) {
        int status = answer.status();
        String type = answer.header("content-type");
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            body = null;
        }
        if (type == null || !type.startsWith("application/json") || body == null || !body.isObject()) {
            return java.util.Optional.of(new Violation("error_body", "not a JSON error body: " + type + " " + answer.summary()));
        }
        if (probe.route().controlApi() && body.path("error").isTextual() && body.size() == 1) {
            return java.util.Optional.empty(); // the control API's Problem (a spelling outside it may get a Fault)
        }
        String name = faultNames.get(status);
        JsonNode fault = name == null ? null : body.get(name);
        // the document's shape, judged as everywhere else (a stack trace in the message included)
        boolean isFault = fault != null && io.hakit.contract.AnswerChecks.faultProblem(status, body, faultNames).isEmpty();
        return isFault ? java.util.Optional.empty() : java.util.Optional.of(new Violation("error_body",
                (name == null ? "an undocumented error status" : "not the " + name + " Fault ("
                        + io.hakit.contract.AnswerChecks.faultProblem(status, body, faultNames).orElse("its shape") + ")")
                        + ": " + answer.summary()));
    }

    private static String describe(EdgeProbe probe, int canonicalStatus) {
        return probe.expected().stream().map(s -> s == 0 ? "the canonical " + canonicalStatus : String.valueOf(s))
                .sorted().toList().toString();
    }
}
