package io.hakit.openapi.generate;

import java.util.Optional;

/**
 * One generated request: valid by the document, or invalid in exactly one named way.
 *
 * @param operationId the HTTP operation it is sent to
 * @param path the path and query, escaped as they go on the wire
 * @param contentType the Content-Type to send with the body (empty: none)
 * @param credential whose token to send
 * @param constraint for an invalid request, what it breaks ({@code body:/ha/name maxLength}, {@code query:limit
 *     maximum}, {@code media-type}, {@code json-syntax}, {@code token-missing}); empty for a valid one
 * @param number its place in the run (with the seed, what reproduces it)
 */
public record GeneratedRequest(String operationId, String method, String path, Optional<String> contentType,
        Optional<String> body, Credential credential, Optional<String> constraint, int number) {

    /**
     * The token a request carries: the account's own, none, an unknown one, or another account's valid token on this
     * account's path (the generator draws none of the last: the gate, which holds a second account's token, adds them).
     */
    public enum Credential { OWN, NONE, UNKNOWN, ANOTHER_ACCOUNT }

    public boolean valid() {
        return constraint.isEmpty();
    }

    /** The same request with another body (a shrunk one), invalid in the same way. */
    public GeneratedRequest withBody(String newBody) {
        return new GeneratedRequest(operationId, method, path, contentType, Optional.of(newBody), credential, constraint,
                number);
    }
}
