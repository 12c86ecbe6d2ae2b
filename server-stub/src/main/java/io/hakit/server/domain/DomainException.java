package io.hakit.server.domain;

/** A request the domain refuses, with the kind of refusal; the HTTP layer turns the kind into a documented fault. */
public final class DomainException extends RuntimeException {

    public enum Kind {
        /** 400: the request contradicts itself in a way the schema cannot see. */
        BAD_REQUEST,
        /** 404: an unknown group, replica, ACL, configuration, flavor, datastore, instance or backup. */
        NOT_FOUND,
        /** 413: an absolute limit of the account. */
        OVER_LIMIT,
        /** 422: the state of the resource or a rule of the service does not allow it. */
        UNPROCESSABLE
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(Kind.NOT_FOUND, what + " " + id + " could not be found.");
    }

    public static DomainException unprocessable(String message) {
        return new DomainException(Kind.UNPROCESSABLE, message);
    }

    public static DomainException badRequest(String message) {
        return new DomainException(Kind.BAD_REQUEST, message);
    }

    public static DomainException overLimit(String message) {
        return new DomainException(Kind.OVER_LIMIT, message);
    }
}
