package io.hakit.contract.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The refusal the document gives a request invalid in one named way, for negative_data_rejection. "Any 4xx" let an
 * implementation answer a malformed body 422 unprocessableEntity, a body sent as text/plain 400, a broken query 404,
 * and pass: each is the Fault of its own code and a status the operation documents. The document says: a body that
 * is not JSON, breaks its schema or has an unknown field, and a query value out of its schema, are 400 badRequest;
 * a body that is not application/json is 415 badMediaType; 422 is for a request that is well formed. The document
 * does not order 400 and 404, so a 404 is a documented refusal too where the request may name something the target
 * does not hold: a broken path parameter (an id off its pattern names nothing), or a body broken in one place that
 * names a flavor, configuration group, instance, backup or datastore in another ({@link #NAMING_BODIES}). A rate
 * limit's 413 (with Retry-After) may come first whatever was sent: it says nothing of the request.
 */
final class DocumentedRefusal {

    /** The operations whose bodies name another resource (flavorRef, configuration, instance, datastore, ...). */
    static final Set<String> NAMING_BODIES = Set.of("createHaInstance", "attachConfiguration", "detachConfiguration",
            "addReplica", "removeReplica", "resizeFlavor", "upgradeHaInstance", "createBackup", "convertToHa");

    private DocumentedRefusal() {}

    /**
     * The statuses the document gives a request invalid in this way ({@code body:/ha/name maxLength}, ...), sent as
     * this named operation (the action its body names, or the HTTP operation where it names none).
     */
    static Set<Integer> statuses(String constraint, String operation) {
        if (constraint.startsWith("media-type")) {
            return Set.of(415);
        }
        if (constraint.startsWith("path:") || constraint.startsWith("body:") && NAMING_BODIES.contains(operation)) {
            return Set.of(400, 404);
        }
        return Set.of(400); // json-syntax, query:..., any other body:...
    }

    /** Whether the answer is the documented refusal of a request invalid in this way. */
    static boolean refusedAsDocumented(String constraint, String operation, int status, Map<String, List<String>> headers) {
        return statuses(constraint, operation).contains(status) || status == 413 && retryAfter(headers);
    }

    /** What the document wants, for the report: "400 badRequest". */
    static String wanted(String constraint, String operation, Map<Integer, String> faultNames) {
        return statuses(constraint, operation).stream().sorted()
                .map(status -> status + " " + faultNames.getOrDefault(status, "")).toList().toString()
                .replaceAll("[\\[\\]]", "").replace(", ", " or ").strip();
    }

    static boolean retryAfter(Map<String, List<String>> headers) {
        return headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Retry-After"));
    }
}
