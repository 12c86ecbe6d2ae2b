package io.hakit.server.edge;

import io.hakit.server.domain.Echoes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of a request's path and query that everything behind the edge uses (authentication, tenancy, rate
 * limits, the journal and Jersey's routing).
 *
 * <p>A path is read segment by segment: each segment is percent-decoded as strict UTF-8, then written again in its
 * one canonical spelling (unreserved characters and sub-delimiters as themselves, every other byte as an upper-case
 * escape). Spellings that mean the same segment ({@code v1%2E0}, {@code %761.0}, lower-case hex) therefore become one
 * string, and a segment keeps its boundaries: an escaped {@code /} (the ACL address's) stays {@code %2F} inside its
 * segment. What has no single meaning is refused: a broken escape, bytes that are not UTF-8 (overlong forms included),
 * control characters and backslashes, dot segments (plain or escaped), empty segments, {@code ;} path parameters, and
 * characters that must be escaped but are not.
 */
public final class RequestTarget {

    /** What the edge makes of a target: the canonical form, or the reason it is refused with a 400. */
    public sealed interface Reading permits Canonical, Refused {}

    /** @param query the query as sent (its escapes checked), or null when there is none */
    public record Canonical(String path, String query) implements Reading {}

    public record Refused(String reason) implements Reading {}

    private static final String SUB_DELIMS_KEPT = "!$&'()*+,=:@"; // RFC 3986 pchar, without ';' (path parameters)

    private RequestTarget() {}

    public static Reading read(String rawPath, String rawQuery) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new Refused("The request target must be a path starting with '/'.");
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        StringBuilder canonical = new StringBuilder(rawPath.length());
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].isEmpty() && !last) {
                return new Refused("The path has an empty segment ('//'): write each segment once.");
            }
            Object segment = canonicalSegment(segments[i]);
            if (segment instanceof Refused refused) {
                return refused;
            }
            canonical.append('/').append(segment);
        }
        if (rawQuery != null) {
            Refused refused = checkQuery(rawQuery);
            if (refused != null) {
                return refused;
            }
        }
        return new Canonical(canonical.toString(), rawQuery);
    }

    /** The segment's canonical spelling (a String), or why it has none (a Refused). */
    private static Object canonicalSegment(String raw) {
        if (isPlain(raw, "") && !raw.equals(".") && !raw.equals("..")) {
            return raw; // nothing escaped and nothing to escape: already canonical (most segments of most requests)
        }
        Object decoded = decode(raw, false);
        if (decoded instanceof Refused refused) {
            return refused;
        }
        String value = (String) decoded;
        if (value.equals(".") || value.equals("..")) {
            return new Refused("The path has a dot segment ('" + Echoes.bounded(raw) + "'): write the path without '.' or '..'.");
        }
        if (value.indexOf('\\') >= 0) {
            return new Refused("The path has a backslash ('" + Echoes.bounded(raw) + "'), which means nothing in this API.");
        }
        return encode(value);
    }

    /** Percent-decodes strict UTF-8; refuses broken escapes, unescaped characters that must be escaped, controls. */
    private static Object decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return new Refused("'" + Echoes.bounded(raw) + "' has a broken escape: '%' must start two hex digits.");
                }
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == ';' && !plusIsSpace) {
                return new Refused("'" + Echoes.bounded(raw) + "' has a ';': path parameters are not part of this API.");
            } else if (isUnreserved(c) || SUB_DELIMS_KEPT.indexOf(c) >= 0 || (plusIsSpace && (c == '/' || c == '?' || c == ';'))) {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            } else {
                return new Refused("'" + Echoes.bounded(raw) + "' has a character that must be percent-encoded: "
                        + (c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'") + ".");
            }
        }
        String value;
        try {
            value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return new Refused("'" + Echoes.bounded(raw) + "' does not decode to UTF-8 (a stray, truncated or overlong byte sequence).");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return new Refused("'" + Echoes.bounded(raw) + "' encodes a control character.");
            }
        }
        return value;
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (isUnreserved(c) || SUB_DELIMS_KEPT.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Each name and value of the query must decode to UTF-8 without control characters. */
    private static Refused checkQuery(String rawQuery) {
        List<String> parts = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            parts.add(equals < 0 ? pair : pair.substring(0, equals));
            if (equals >= 0) {
                parts.add(pair.substring(equals + 1));
            }
        }
        for (String part : parts) {
            if (isPlain(part, "/?;")) {
                continue; // nothing escaped: decodes to itself ('+' to a space), no control character
            }
            if (decode(part, true) instanceof Refused refused) {
                return new Refused("The query " + refused.reason().substring(0, 1).toLowerCase() + refused.reason().substring(1));
            }
        }
        return null;
    }

    /** Whether every character is one a decoder keeps as it is: unreserved, a kept sub-delimiter, or one of {@code more}. */
    private static boolean isPlain(String raw, String more) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!isUnreserved(c) && SUB_DELIMS_KEPT.indexOf(c) < 0 && more.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
