package io.hakit.server.resources;

import io.hakit.server.domain.DomainException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * How the ACL address in a delete path is read (decision K11, and K28 for the strict mode). The documented form is
 * the CIDR with its {@code /} encoded three times ({@code 1.2.3.4%25252F32} on the wire), which reaches the resource
 * as {@code 1.2.3.4%252F32} after JAX-RS's own decoding. Lenient (the default) decodes until no escape is left, so a
 * once- or twice-encoded address works too; strict refuses every spelling but the documented one with a 400, so that
 * a client team can prove that its client sends what the service documents.
 */
public final class AclEncoding {

    /** Enough rounds for the documented triple encoding (%25252F) and no more: a path can't loop us. */
    private static final int MAX_DECODING_ROUNDS = 4;

    /** The documented form after JAX-RS's decoding: no escape but the twice-encoded {@code /}. */
    private static final Pattern DOCUMENTED = Pattern.compile("[^%/]+%252F[^%/]+");

    private volatile boolean strict;

    public boolean strict() {
        return strict;
    }

    public void strict(boolean strict) {
        this.strict = strict;
    }

    /** The CIDR the path names, or a 400 when it cannot be read (or, when strict, is not spelt as documented). */
    public String cidr(String address) {
        if (strict && !DOCUMENTED.matcher(address).matches()) {
            throw DomainException.badRequest("The ACL address must be written as documented, its '/' encoded three "
                    + "times (1.2.3.4%25252F32 in the request line); this server runs in strict ACL encoding mode.");
        }
        String decoded = address;
        for (int round = 0; round < MAX_DECODING_ROUNDS && decoded.contains("%"); round++) {
            try {
                decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("The ACL address '" + address + "' is not a well-formed escape.");
            }
        }
        return decoded;
    }
}
