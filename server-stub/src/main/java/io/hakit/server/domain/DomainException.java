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
        return new DomainException(Kind.NOT_FOUND, what + " " + shown(id) + " could not be found.");
    }

    /** A thing unknown within another: "Replica x of HA instance y could not be found." */
    public static DomainException notFound(String what, String id, String within) {
        return new DomainException(Kind.NOT_FOUND, what + " " + shown(id) + " of " + within + " could not be found.");
    }

    /**
     * A client's id as a message names it: as sent when it is a plain word, else in double quotes with its
     * invisible characters escaped, so that an empty, blank or tab id can be seen in the message (an empty
     * instance id read "Instance  could not be found.", a tab came back as a raw tab); and no longer than
     * {@link Echoes} lets a message repeat a client's value.
     */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String id = Echoes.bounded(value);
        boolean plain = !id.isEmpty() && id.codePoints().allMatch(c -> c > ' ' && !Character.isWhitespace(c)
                && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT);
        if (plain) {
            return id;
        }
        StringBuilder quoted = new StringBuilder("\"");
        id.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                quoted.append("\\t");
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c != ' ' && (Character.isISOControl(c) || Character.isWhitespace(c)
                    || Character.getType(c) == Character.FORMAT)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
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
