package io.hakit.contract.edge;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One request the edge probes send, byte for byte, and what it is: which operation it aims at, with which
 * credential, spelled how. The judge ({@link EdgeJudge}) decides from these what answers are right.
 *
 * @param id a stable name (class/variant/credential/operation), the same in every run
 * @param expected the answers the reference server documents for it; empty when the one rule alone judges it
 * @param mustClose whether the server must close the connection after answering (Connection: close, HTTP/1.0)
 */
public record EdgeProbe(String id, ProbeClass probeClass, ProbeRoute route, Credential credential, Spelling spelling,
        byte[] request, RawHttp.Delivery delivery, Set<Integer> expected, boolean mustClose) {

    public enum ProbeClass { URL_GRAMMAR, HEADERS, FRAMING, METHODS, VERSIONS, ISOLATION }

    /** The token sent: none, a valid token of another account, or the account's own. */
    public enum Credential { NONE, FOREIGN, OWN }

    /** How the request relates to a valid request to the route. */
    public enum Spelling {
        /** The valid request itself (perhaps with a header or framing change that must not matter). */
        CANONICAL,
        /** The same request in another spelling RFC 3986/9110 call equivalent: the same answer, or a 400. */
        EQUIVALENT,
        /** Another resource's name (case, an escaped separator): never the route's own answer. */
        DIFFERENT,
        /** No meaning at all (dot segments, broken escapes, bad UTF-8, bad framing): a 400. */
        MALFORMED
    }

    /** Whether a correct server could change any state on this request. */
    public boolean mayChangeState() {
        return credential == Credential.OWN && (spelling == Spelling.CANONICAL || spelling == Spelling.EQUIVALENT)
                && !route.method().equals("GET");
    }

    /** The request as a readable line for reports: non-printable bytes escaped. */
    public String printable() {
        StringBuilder out = new StringBuilder();
        for (byte b : request) {
            int c = b & 0xff;
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    public String requestLine() {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).replace("\r", "");
    }
}
