package io.hakit.server.http;

/** Names of the request properties the filters leave for each other and for the resources. */
public final class RequestAttributes {

    /** The account the token belongs to. */
    public static final String ACCOUNT = "hakit.account";
    /** The named operation of the document (x-operations) the request is, once known. */
    public static final String OPERATION = "hakit.operation";
    /**
     * On the container's request (not Jersey's): how long an injected fault delays the answer, in milliseconds. The
     * edge sends the answer after it (io.hakit.server.edge.HeldAnswers).
     */
    public static final String ANSWER_DELAY_MS = "hakit.answerDelayMs";

    private RequestAttributes() {}
}
