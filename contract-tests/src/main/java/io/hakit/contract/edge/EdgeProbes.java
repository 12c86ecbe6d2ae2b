package io.hakit.contract.edge;

import io.hakit.contract.edge.EdgeProbe.Credential;
import io.hakit.contract.edge.EdgeProbe.ProbeClass;
import io.hakit.contract.edge.EdgeProbe.Spelling;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The catalogue of edge probes for one target: the URL grammar of every route (every segment in every spelling),
 * headers, framing, methods and HTTP versions, each with every credential that matters. Built from the routes alone
 * (valid requests to each operation), so that the same catalogue probes the reference server and any other
 * implementation.
 */
public final class EdgeProbes {

    /** A way of spelling one path segment, and what the result is. */
    private record SegmentVariant(String name, Spelling spelling, UnaryOperator<String> rewrite) {}

    /** Segment spellings: written on the raw segment; a char above 0x7f stands for that raw byte. */
    private static final List<SegmentVariant> SEGMENT_VARIANTS = List.of(
            new SegmentVariant("every-byte-escaped", Spelling.EQUIVALENT, EdgeProbes::escapeEveryByte),
            new SegmentVariant("first-byte-escaped-lower-hex", Spelling.EQUIVALENT, EdgeProbes::escapeFirstByteLowerHex),
            new SegmentVariant("case-flipped", Spelling.DIFFERENT, EdgeProbes::flipCase),
            new SegmentVariant("escaped-slash-inside", Spelling.DIFFERENT, s -> insertMiddle(s, "%2F")),
            new SegmentVariant("escaped-space-appended", Spelling.DIFFERENT, s -> s + "%20"),
            new SegmentVariant("plus-appended", Spelling.DIFFERENT, s -> s + "+"),
            new SegmentVariant("dot", Spelling.MALFORMED, s -> "."),
            new SegmentVariant("dot-dot", Spelling.MALFORMED, s -> ".."),
            new SegmentVariant("escaped-dot", Spelling.MALFORMED, s -> "%2e"),
            new SegmentVariant("escaped-dot-dot", Spelling.MALFORMED, s -> "%2E%2E"),
            new SegmentVariant("half-escaped-dot-dot", Spelling.MALFORMED, s -> ".%2e"),
            new SegmentVariant("dot-segment-after", Spelling.MALFORMED, s -> s + "/."),
            new SegmentVariant("dot-dot-segment-after", Spelling.MALFORMED, s -> s + "/x/.."),
            new SegmentVariant("escaped-dot-dot-after", Spelling.MALFORMED, s -> s + "/x/%2e%2e"),
            new SegmentVariant("dot-segment-before", Spelling.MALFORMED, s -> "./" + s),
            new SegmentVariant("empty-segment-before", Spelling.MALFORMED, s -> "/" + s),
            new SegmentVariant("path-parameter", Spelling.MALFORMED, s -> s + ";x=1"),
            new SegmentVariant("bare-semicolon", Spelling.MALFORMED, s -> s + ";"),
            new SegmentVariant("escaped-backslash", Spelling.MALFORMED, s -> insertMiddle(s, "%5C")),
            new SegmentVariant("raw-backslash", Spelling.MALFORMED, s -> insertMiddle(s, "\\")),
            new SegmentVariant("escaped-dot-dot-backslash", Spelling.MALFORMED, s -> s + "%5C..%5C"),
            new SegmentVariant("invalid-utf8-ff", Spelling.MALFORMED, s -> s + "%ff"),
            new SegmentVariant("overlong-slash", Spelling.MALFORMED, s -> s + "%c0%af"),
            new SegmentVariant("overlong-dot", Spelling.MALFORMED, s -> "%c0%ae%c0%ae"),
            new SegmentVariant("overlong-three-byte-dot", Spelling.MALFORMED, s -> s + "%e0%80%ae"),
            new SegmentVariant("truncated-utf8", Spelling.MALFORMED, s -> s + "%e2%82"),
            new SegmentVariant("utf16-surrogate", Spelling.MALFORMED, s -> s + "%ed%a0%80"),
            new SegmentVariant("escaped-nul", Spelling.MALFORMED, s -> s + "%00"),
            new SegmentVariant("escaped-lf", Spelling.MALFORMED, s -> s + "%0a"),
            new SegmentVariant("escaped-cr", Spelling.MALFORMED, s -> s + "%0D"),
            new SegmentVariant("escaped-tab", Spelling.MALFORMED, s -> s + "%09"),
            new SegmentVariant("escaped-del", Spelling.MALFORMED, s -> s + "%7f"),
            new SegmentVariant("lone-percent", Spelling.MALFORMED, s -> s + "%"),
            new SegmentVariant("non-hex-escape", Spelling.MALFORMED, s -> s + "%g0"),
            new SegmentVariant("short-escape", Spelling.MALFORMED, s -> s + "%2"),
            new SegmentVariant("iis-utf16-escape", Spelling.MALFORMED, s -> s + "%u002e"),
            new SegmentVariant("raw-utf8", Spelling.MALFORMED, s -> s + "\u00c3\u00a9"),
            new SegmentVariant("raw-byte-ff", Spelling.MALFORMED, s -> s + "\u00ff"),
            new SegmentVariant("raw-space", Spelling.MALFORMED, s -> insertMiddle(s, " ")),
            new SegmentVariant("raw-quote", Spelling.MALFORMED, s -> s + "\""),
            new SegmentVariant("fragment", Spelling.MALFORMED, s -> s + "#x"));

    private final String host;
    private final String ownToken;
    private final String foreignToken;
    private final List<ProbeRoute> routes;

    /**
     * @param host the Host header to send ({@code 127.0.0.1:8080})
     * @param foreignToken a valid token of another account
     */
    public EdgeProbes(String host, String ownToken, String foreignToken, List<ProbeRoute> routes) {
        this.host = host;
        this.ownToken = ownToken;
        this.foreignToken = foreignToken;
        this.routes = List.copyOf(routes);
    }

    public List<EdgeProbe> all() {
        List<EdgeProbe> probes = new ArrayList<>();
        probes.addAll(urlGrammar());
        probes.addAll(headers());
        probes.addAll(framing());
        probes.addAll(methods());
        probes.addAll(versions());
        return probes;
    }

    /** The route's valid request with a credential, as the probes' spellings of it are written. */
    public byte[] canonical(ProbeRoute route, Credential credential) {
        return request(route.method(), route.path(), "HTTP/1.1", standardHeaders(credential, route), route.body().orElse(null));
    }

    // ---- URL grammar -------------------------------------------------------------------------------------------

    public List<EdgeProbe> urlGrammar() {
        List<EdgeProbe> probes = new ArrayList<>();
        for (ProbeRoute route : routes) {
            List<String> segments = route.segments();
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).isEmpty()) {
                    continue; // the root "/"
                }
                for (SegmentVariant variant : SEGMENT_VARIANTS) {
                    List<String> rewritten = new ArrayList<>(segments);
                    rewritten.set(i, variant.rewrite().apply(segments.get(i)));
                    String target = "/" + String.join("/", rewritten);
                    String name = "segment-" + (i + 1) + "/" + variant.name();
                    probes.addAll(withCredentials(route, name, variant.spelling(), target));
                }
            }
            String path = route.path();
            probes.addAll(withCredentials(route, "target/absolute-form", Spelling.EQUIVALENT, "http://" + host + path));
            probes.addAll(withCredentials(route, "target/absolute-form-other-host", Spelling.MALFORMED,
                    "http://other.example" + path));
            probes.addAll(withCredentials(route, "target/absolute-form-userinfo", Spelling.MALFORMED,
                    "http://user:secret@" + host + path));
            probes.addAll(withCredentials(route, "target/asterisk-form", Spelling.MALFORMED, "*"));
            probes.addAll(withCredentials(route, "target/authority-form", Spelling.MALFORMED, host));
            probes.addAll(withCredentials(route, "target/no-leading-slash", Spelling.MALFORMED, path.substring(1)));
            probes.addAll(withCredentials(route, "target/oversized", Spelling.MALFORMED, path + "/" + "a".repeat(20_000)));
            probes.addAll(withCredentials(route, "query/lone-percent", Spelling.MALFORMED, path + "?marker=%"));
            probes.addAll(withCredentials(route, "query/invalid-utf8", Spelling.MALFORMED, path + "?marker=%ff"));
            probes.addAll(withCredentials(route, "query/escaped-nul", Spelling.MALFORMED, path + "?limit=%00"));
            probes.addAll(withCredentials(route, "query/broken-name", Spelling.MALFORMED, path + "?%zz=1"));
        }
        return probes;
    }

    /**
     * The isolation probes: every route (every documented exchange, each action among them) without a token and with
     * another account's, in its own spelling and in every spelling that still names a resource. None may get in.
     */
    public List<EdgeProbe> isolation() {
        List<EdgeProbe> probes = new ArrayList<>();
        for (ProbeRoute route : routes) {
            if (!route.secured()) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            List<String> names = new ArrayList<>();
            targets.add(route.path());
            names.add("canonical");
            List<String> segments = route.segments();
            for (int i = 0; i < segments.size(); i++) {
                for (SegmentVariant variant : SEGMENT_VARIANTS) {
                    if (variant.spelling() != Spelling.MALFORMED) {
                        List<String> rewritten = new ArrayList<>(segments);
                        rewritten.set(i, variant.rewrite().apply(segments.get(i)));
                        targets.add("/" + String.join("/", rewritten));
                        names.add("segment-" + (i + 1) + "/" + variant.name());
                    }
                }
            }
            targets.add("http://" + host + route.path());
            names.add("absolute-form");
            for (int i = 0; i < targets.size(); i++) {
                for (Credential credential : List.of(Credential.NONE, Credential.FOREIGN)) {
                    if (credential == Credential.FOREIGN && !route.accountScoped()) {
                        continue;
                    }
                    probes.add(new EdgeProbe(id(ProbeClass.ISOLATION, names.get(i), credential, route), ProbeClass.ISOLATION,
                            route, credential, i == 0 ? Spelling.CANONICAL : Spelling.EQUIVALENT,
                            request(route.method(), targets.get(i), "HTTP/1.1", standardHeaders(credential, route),
                                    route.body().orElse(null)),
                            RawHttp.Delivery.WHOLE, expected(route, Spelling.EQUIVALENT, credential), false));
                }
            }
        }
        return probes;
    }

    /** A spelling with no token, another account's token and the account's own, where each tells something. */
    private List<EdgeProbe> withCredentials(ProbeRoute route, String variant, Spelling spelling, String target) {
        List<EdgeProbe> probes = new ArrayList<>();
        for (Credential credential : Credential.values()) {
            if (!worthSending(route, spelling, credential)) {
                continue;
            }
            byte[] request = request(route.method(), target, "HTTP/1.1", standardHeaders(credential, route),
                    route.body().orElse(null));
            probes.add(new EdgeProbe(id(ProbeClass.URL_GRAMMAR, variant, credential, route), ProbeClass.URL_GRAMMAR,
                    route, credential, spelling, request, RawHttp.Delivery.WHOLE, expected(route, spelling, credential),
                    false));
        }
        return probes;
    }

    /**
     * Malformed spellings go with every credential (none may get through); the others without a token and with a
     * foreign one (never a bypass), and with the own token only where the answer can be compared (a read).
     */
    private static boolean worthSending(ProbeRoute route, Spelling spelling, Credential credential) {
        if (route.controlApi() || !route.secured()) {
            return credential == Credential.NONE;
        }
        if (credential == Credential.FOREIGN && !route.accountScoped()) {
            return spelling == Spelling.MALFORMED; // a bookmark answers any account's token
        }
        return credential != Credential.OWN || spelling == Spelling.MALFORMED || route.method().equals("GET");
    }

    /**
     * What the reference server answers: a malformed request 400 before anything else; then a missing token 401 and
     * another account's path 403; an equivalent spelling the canonical request's answer (0 stands for it); another
     * resource's name 404 (403 when the account segment is the one changed, 401 or 404 where no token is needed).
     */
    private static Set<Integer> expected(ProbeRoute route, Spelling spelling, Credential credential) {
        if (spelling == Spelling.MALFORMED) {
            return Set.of(400);
        }
        if (route.secured() && credential == Credential.NONE) {
            return Set.of(401);
        }
        if (route.accountScoped() && credential == Credential.FOREIGN) {
            return Set.of(403);
        }
        if (spelling == Spelling.DIFFERENT) {
            return Set.of(400, 401, 403, 404, 405);
        }
        return Set.of(0);
    }

    // ---- headers -----------------------------------------------------------------------------------------------

    public List<EdgeProbe> headers() {
        List<EdgeProbe> probes = new ArrayList<>();
        for (ProbeRoute route : headerRoutes()) {
            String token = route.secured() ? "X-Auth-Token: " + ownToken + "\r\n" : "";
            String body = route.body().orElse(null);
            String type = body == null ? "" : "Content-Type: application/json\r\n";
            String length = body == null ? "" : "Content-Length: " + utf8Length(body) + "\r\n";
            String start = route.method() + " " + route.path() + " HTTP/1.1\r\n";
            String hostLine = "Host: " + host + "\r\n";
            Map<String, String> malformed = new LinkedHashMap<>();
            malformed.put("no-host", start + token + type + length + "Connection: close\r\n");
            malformed.put("duplicate-host", start + hostLine + hostLine.replace(host, "other.example") + token + type + length + "Connection: close\r\n");
            malformed.put("host-with-space", start + "Host: a b\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("host-unclosed-ipv6", start + "Host: [::1\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("host-bad-port", start + "Host: 127.0.0.1:99999x\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("host-with-userinfo", start + "Host: user@" + host + "\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("folded-header", start + hostLine + "X-Folded: a\r\n b\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("space-before-colon", start + hostLine + "X-Auth-Token : " + ownToken + "\r\n" + type + length + "Connection: close\r\n");
            malformed.put("no-colon", start + hostLine + "X-No-Colon\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("bare-cr-in-value", start + hostLine + "X-Note: a\rb\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("nul-in-value", start + hostLine + "X-Note: a\u0000b\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("oversized-header", start + hostLine + "X-Big: " + "a".repeat(20_000) + "\r\n" + token + type + length + "Connection: close\r\n");
            malformed.put("too-many-headers", start + hostLine + "X-Many: aaaaaaaaaa\r\n".repeat(2_000) + token + type + length + "Connection: close\r\n");
            malformed.put("non-token-name", start + hostLine + "X(Bad): 1\r\n" + token + type + length + "Connection: close\r\n");
            for (Map.Entry<String, String> entry : malformed.entrySet()) {
                probes.add(probe(ProbeClass.HEADERS, entry.getKey(), route, Credential.OWN, Spelling.MALFORMED,
                        entry.getValue() + "\r\n" + (body == null ? "" : body), Set.of(400), false));
            }

            Map<String, String> harmless = new LinkedHashMap<>();
            harmless.put("upgrade-h2c", start + hostLine + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n" + token + type + length);
            harmless.put("upgrade-websocket", start + hostLine + "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + token + type + length);
            harmless.put("accept-html", start + hostLine + "Accept: text/html\r\n" + token + type + length + "Connection: close\r\n");
            harmless.put("bare-lf-lines", (start + hostLine + token + type + length + "Connection: close\r\n").replace("\r\n", "\n"));
            harmless.put("leading-empty-line", "\r\n" + start + hostLine + token + type + length + "Connection: close\r\n");
            harmless.put("token-with-whitespace", start + hostLine + (route.secured() ? "X-Auth-Token:   " + ownToken + "  \r\n" : "")
                    + type + length + "Connection: close\r\n");
            harmless.put("method-override-header", start + hostLine + "X-HTTP-Method-Override: DELETE\r\n"
                    + "X-HTTP-Method: DELETE\r\n" + token + type + length + "Connection: close\r\n");
            harmless.put("forwarded-headers", start + hostLine + "X-Forwarded-Host: other.example\r\nX-Forwarded-Proto: https\r\n"
                    + "Forwarded: for=1.2.3.4;host=other.example\r\n" + token + type + length + "Connection: close\r\n");
            for (Map.Entry<String, String> entry : harmless.entrySet()) {
                boolean close = entry.getValue().contains("Connection: close");
                probes.add(probe(ProbeClass.HEADERS, entry.getKey(), route, Credential.OWN, Spelling.CANONICAL,
                        entry.getValue() + (close ? "\r\n" : "Connection: close\r\n\r\n") + (body == null ? "" : body),
                        Set.of(0), true));
            }
            if (route.secured()) {
                for (TokenVariant variant : tokenVariants(route)) {
                    String line = variant.tokenInQuery()
                            ? start.replace(route.path(), route.path() + (route.path().contains("?") ? "&" : "?")
                                    + "X-Auth-Token=" + ownToken)
                            : start;
                    probes.add(probe(ProbeClass.HEADERS, variant.name(), route, Credential.FOREIGN, Spelling.CANONICAL,
                            line + hostLine + variant.headers() + type + length + "Connection: close\r\n\r\n"
                                    + (body == null ? "" : body), variant.expected(), false));
                }
            }
        }
        return probes;
    }

    /**
     * A way of sending the token that must not let anyone in: two tokens at once, an empty or garbled one, another
     * account's under a lower-cased header name (the same header), or the token in the query instead of the header.
     *
     * @param expected what the reference server answers (0: the route's own answer to that token)
     */
    private record TokenVariant(String name, String headers, boolean tokenInQuery, Set<Integer> expected) {}

    private List<TokenVariant> tokenVariants(ProbeRoute route) {
        String own = "X-Auth-Token: " + ownToken + "\r\n";
        String foreign = "X-Auth-Token: " + foreignToken + "\r\n";
        // Another account's token is refused on an account's path (403); a bookmark answers any account's token.
        Set<Integer> foreignAnswer = route.accountScoped() ? Set.of(403) : Set.of(0);
        Set<Integer> twoTokens = route.accountScoped() ? Set.of(400, 401, 403) : Set.of(0, 400, 401);
        Set<Integer> noValidToken = Set.of(400, 401);
        return List.of(
                new TokenVariant("token-own-then-foreign", own + foreign, false, twoTokens),
                new TokenVariant("token-foreign-then-own", foreign + own, false, twoTokens),
                new TokenVariant("token-own-comma-foreign", "X-Auth-Token: " + ownToken + ", " + foreignToken + "\r\n", false,
                        twoTokens),
                new TokenVariant("token-empty", "X-Auth-Token: \r\n", false, noValidToken),
                new TokenVariant("token-non-ascii", "X-Auth-Token: " + ownToken + "\u00e9\r\n", false, noValidToken),
                new TokenVariant("token-lower-cased-name", "x-auth-token: " + foreignToken + "\r\n", false, foreignAnswer),
                new TokenVariant("token-in-query-only", "", true, noValidToken));
    }

    /** A read, a create, an action and a delete: enough kinds of request for the header and framing classes. */
    private List<ProbeRoute> headerRoutes() {
        List<String> ids = List.of("listHaInstances", "createHaInstance", "actOnHaInstance", "deleteHaInstance", "listVersions");
        return routes.stream().filter(route -> ids.contains(route.operationId())).toList();
    }

    // ---- framing -----------------------------------------------------------------------------------------------

    public List<EdgeProbe> framing() {
        List<EdgeProbe> probes = new ArrayList<>();
        for (ProbeRoute route : headerRoutes()) {
            if (route.body().isEmpty()) {
                continue;
            }
            String body = route.body().get();
            int n = utf8Length(body);
            String head = route.method() + " " + route.path() + " HTTP/1.1\r\nHost: " + host + "\r\nX-Auth-Token: "
                    + ownToken + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
            String half = body.substring(0, body.length() / 2);
            probes.add(framingProbe("body-shorter-than-length-then-eof", route, head + "Content-Length: " + n + "\r\n\r\n" + half,
                    RawHttp.Delivery.WHOLE_THEN_HALF_CLOSE));
            probes.add(framingProbe("body-shorter-than-length-then-stall", route, head + "Content-Length: " + n + "\r\n\r\n" + half,
                    RawHttp.Delivery.STALL));
            probes.add(framingProbe("body-longer-than-length", route, head + "Content-Length: " + (n / 2) + "\r\n\r\n" + body,
                    RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("conflicting-lengths", route, head + "Content-Length: " + n + "\r\nContent-Length: " + (n + 1)
                    + "\r\n\r\n" + body, RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("length-list", route, head + "Content-Length: " + n + ", " + n + "\r\n\r\n" + body,
                    RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("length-and-chunked", route, head + "Content-Length: " + n
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body), RawHttp.Delivery.WHOLE));
            for (String bad : List.of("-1", "+" + n, n + ".0", "0x10", "1e3", "99999999999999999999999", "abc")) {
                probes.add(framingProbe("length-" + bad.replaceAll("[^a-z0-9]", "_"), route,
                        head + "Content-Length: " + bad + "\r\n\r\n" + body, RawHttp.Delivery.WHOLE));
            }
            probes.add(framingProbe("chunk-size-not-hex", route, head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body
                    + "\r\n0\r\n\r\n", RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("chunk-size-overflow", route, head + "Transfer-Encoding: chunked\r\n\r\n"
                    + "ffffffffffffffffff\r\n" + body + "\r\n0\r\n\r\n", RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("chunk-without-crlf", route, head + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(n) + "\r\n" + body + "0\r\n\r\n", RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("chunk-lf-only", route, head + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(n) + "\n" + body + "\n0\n\n", RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("chunked-without-last-chunk-then-eof", route, head + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(n) + "\r\n" + body + "\r\n", RawHttp.Delivery.WHOLE_THEN_HALF_CLOSE));
            probes.add(framingProbe("chunked-without-last-chunk-then-stall", route, head + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(n) + "\r\n" + body + "\r\n", RawHttp.Delivery.STALL));
            probes.add(framingProbe("unknown-transfer-coding", route, head + "Transfer-Encoding: gzip, chunked\r\n\r\n"
                    + chunked(body), RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("chunked-not-last", route, head + "Transfer-Encoding: chunked, identity\r\n\r\n"
                    + chunked(body), RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("obfuscated-chunked", route, head + "Transfer-Encoding: xchunked\r\n\r\n" + chunked(body),
                    RawHttp.Delivery.WHOLE));
            probes.add(framingProbe("body-not-utf8", route, head + "Content-Length: " + (n + 2) + "\r\n\r\n"
                    + body.replaceFirst("\"", "\"\u00ff\u00fe"), RawHttp.Delivery.WHOLE));
            // Valid framings that must be accepted as the plain request is.
            probes.add(probe(ProbeClass.FRAMING, "chunked-with-extension-and-trailer", route, Credential.OWN, Spelling.CANONICAL,
                    head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(n) + ";ext=1\r\n" + body
                            + "\r\n0\r\nX-Trailer: 1\r\n\r\n", Set.of(0), true));
            probes.add(probe(ProbeClass.FRAMING, "expect-100-continue", route, Credential.OWN, Spelling.CANONICAL,
                    head + "Expect: 100-continue\r\nContent-Length: " + n + "\r\n\r\n" + body, Set.of(0), true));
            probes.add(probe(ProbeClass.FRAMING, "expect-unknown", route, Credential.OWN, Spelling.MALFORMED,
                    head + "Expect: 200-ok\r\nContent-Length: " + n + "\r\n\r\n" + body, Set.of(400), false));
        }
        for (ProbeRoute route : headerRoutes()) {
            if (route.method().equals("GET")) {
                String get = "GET " + route.path() + " HTTP/1.1\r\nHost: " + host + "\r\n"
                        + (route.secured() ? "X-Auth-Token: " + ownToken + "\r\n" : "");
                probes.add(probe(ProbeClass.FRAMING, "pipelined-two-requests", route, Credential.OWN, Spelling.CANONICAL,
                        get + "\r\n" + get + "Connection: close\r\n\r\n", Set.of(0), false));
                probes.add(probe(ProbeClass.FRAMING, "get-with-body", route, Credential.OWN, Spelling.CANONICAL,
                        get + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                        Set.of(0, 400), false));
            }
        }
        return probes;
    }

    private EdgeProbe framingProbe(String name, ProbeRoute route, String request, RawHttp.Delivery delivery) {
        return new EdgeProbe(id(ProbeClass.FRAMING, name, Credential.OWN, route), ProbeClass.FRAMING, route,
                Credential.OWN, Spelling.MALFORMED, bytes(request), delivery, Set.of(400), false);
    }

    // ---- methods and versions ----------------------------------------------------------------------------------

    public List<EdgeProbe> methods() {
        List<EdgeProbe> probes = new ArrayList<>();
        for (ProbeRoute route : routes) {
            if (route.controlApi()) {
                continue;
            }
            for (String method : List.of("HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get", "PUT", "PATCH", "DELETE",
                    "POST", "GET")) {
                if (route.pathMethods().contains(method)) {
                    continue; // documented for this path (perhaps as another operation)
                }
                // HEAD is part of every GET (RFC 9110, 9.3.2): the GET's own status, or 405 from a server that does
                // not answer it; probed once per path, on its GET's route, whose status is the canonical one.
                boolean headOfAGet = method.equals("HEAD") && route.pathMethods().contains("GET");
                if (headOfAGet && !route.method().equalsIgnoreCase("GET")) {
                    continue;
                }
                for (Credential credential : List.of(Credential.NONE, Credential.OWN)) {
                    if (credential == Credential.NONE && !route.secured()) {
                        continue;
                    }
                    Set<Integer> expected = credential == Credential.NONE ? Set.of(401)
                            : headOfAGet ? Set.of(0, 405) : Set.of(405);
                    String request = method + " " + route.path() + " HTTP/1.1\r\nHost: " + host + "\r\n"
                            + (credential == Credential.OWN && route.secured() ? "X-Auth-Token: " + ownToken + "\r\n" : "")
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n";
                    probes.add(probe(ProbeClass.METHODS, method, route, credential, Spelling.DIFFERENT, request, expected, false));
                }
            }
        }
        ProbeRoute root = routes.stream().filter(r -> r.path().equals("/")).findFirst().orElse(routes.get(0));
        // A refused CONNECT stays an HTTP connection: its answer must be delimited, not left open (RFC 9110, 9.3.6).
        probes.add(probe(ProbeClass.METHODS, "CONNECT-authority", root, Credential.NONE, Spelling.MALFORMED,
                "CONNECT " + host + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n", Set.of(400, 405), false));
        probes.add(probe(ProbeClass.METHODS, "CONNECT-path", root, Credential.NONE, Spelling.MALFORMED,
                "CONNECT / HTTP/1.1\r\nHost: " + host + "\r\n\r\n", Set.of(400, 405), false));
        probes.add(probe(ProbeClass.METHODS, "OPTIONS-asterisk", root, Credential.NONE, Spelling.MALFORMED,
                "OPTIONS * HTTP/1.1\r\nHost: " + host + "\r\n\r\n", Set.of(400, 405), false));
        return probes;
    }

    public List<EdgeProbe> versions() {
        List<EdgeProbe> probes = new ArrayList<>();
        ProbeRoute route = routes.stream().filter(r -> r.operationId().equals("listHaInstances")).findFirst()
                .orElse(routes.get(0));
        String token = route.secured() ? "X-Auth-Token: " + ownToken + "\r\n" : "";
        String hostLine = "Host: " + host + "\r\n";
        String path = route.path();
        probes.add(probe(ProbeClass.VERSIONS, "http-1.0", route, Credential.OWN, Spelling.CANONICAL,
                "GET " + path + " HTTP/1.0\r\n" + hostLine + token + "\r\n", Set.of(0), true));
        // RFC 9112 lets a server parse these leniently: the same answer, or a 400.
        probes.add(probe(ProbeClass.VERSIONS, "lower-case-version", route, Credential.OWN, Spelling.EQUIVALENT,
                "GET " + path + " http/1.1\r\n" + hostLine + token + "Connection: close\r\n\r\n", Set.of(0, 400), false));
        probes.add(probe(ProbeClass.VERSIONS, "double-space", route, Credential.OWN, Spelling.EQUIVALENT,
                "GET  " + path + " HTTP/1.1\r\n" + hostLine + token + "Connection: close\r\n\r\n", Set.of(0, 400), false));
        probes.add(probe(ProbeClass.VERSIONS, "http-1.0-without-host", route, Credential.OWN, Spelling.CANONICAL,
                "GET " + path + " HTTP/1.0\r\n" + token + "\r\n", Set.of(0), true));
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("http-0.9", "GET " + path + "\r\n");
        malformed.put("http-1.2", "GET " + path + " HTTP/1.2\r\n" + hostLine + token + "\r\n");
        malformed.put("http-2.0-line", "GET " + path + " HTTP/2.0\r\n" + hostLine + token + "\r\n");
        malformed.put("http-3", "GET " + path + " HTTP/3\r\n" + hostLine + token + "\r\n");
        malformed.put("version-suffix", "GET " + path + " HTTP/1.1x\r\n" + hostLine + token + "\r\n");
        malformed.put("tab-separated", "GET\t" + path + "\tHTTP/1.1\r\n" + hostLine + token + "\r\n");
        malformed.put("garbage-line", "\u0001\u0002 garbage\r\n\r\n");
        malformed.put("tls-client-hello", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003");
        malformed.put("h2-prior-knowledge", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        malformed.put("oversized-request-line", "GET " + path + "?x=" + "a".repeat(70_000) + " HTTP/1.1\r\n" + hostLine + token + "\r\n");
        malformed.put("empty-method", " " + path + " HTTP/1.1\r\n" + hostLine + token + "\r\n");
        for (Map.Entry<String, String> entry : malformed.entrySet()) {
            probes.add(new EdgeProbe(id(ProbeClass.VERSIONS, entry.getKey(), Credential.OWN, route), ProbeClass.VERSIONS,
                    route, Credential.OWN, Spelling.MALFORMED, bytes(entry.getValue()), RawHttp.Delivery.WHOLE_THEN_HALF_CLOSE,
                    Set.of(400), false));
        }
        return probes;
    }

    // ---- building requests -------------------------------------------------------------------------------------

    private EdgeProbe probe(ProbeClass probeClass, String name, ProbeRoute route, Credential credential, Spelling spelling,
            String request, Set<Integer> expected, boolean mustClose) {
        return new EdgeProbe(id(probeClass, name, credential, route), probeClass, route, credential, spelling,
                bytes(request), RawHttp.Delivery.WHOLE, expected, mustClose);
    }

    private String standardHeaders(Credential credential, ProbeRoute route) {
        String token = switch (credential) {
            case NONE -> "";
            case FOREIGN -> "X-Auth-Token: " + foreignToken + "\r\n";
            case OWN -> "X-Auth-Token: " + ownToken + "\r\n";
        };
        return "Host: " + host + "\r\n" + token + "Connection: close\r\n";
    }

    private static byte[] request(String method, String target, String version, String headers, String body) {
        StringBuilder request = new StringBuilder().append(method).append(' ').append(target).append(' ')
                .append(version).append("\r\n").append(headers);
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(utf8Length(body)).append("\r\n");
        }
        request.append("\r\n");
        byte[] head = bytes(request.toString());
        if (body == null) {
            return head;
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    /** The text's chars as bytes one for one: a char above 0x7f is that raw byte (how the probes write raw bytes). */
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String chunked(String body) {
        return Integer.toHexString(utf8Length(body)) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static String id(ProbeClass probeClass, String variant, Credential credential, ProbeRoute route) {
        return probeClass.name().toLowerCase(Locale.ROOT).replace('_', '-') + "/" + variant + "/"
                + credential.name().toLowerCase(Locale.ROOT) + "/" + route.operationId();
    }

    private static String escapeEveryByte(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : decode(segment)) {
            out.append(String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    private static String escapeFirstByteLowerHex(String segment) {
        byte[] bytes = decode(segment);
        if (bytes.length == 0 || segment.startsWith("%")) {
            return segment;
        }
        return String.format("%%%02x", bytes[0] & 0xff) + segment.substring(1);
    }

    private static String flipCase(String segment) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (i > 0 && segment.charAt(i - 1) == '%' || i > 1 && segment.charAt(i - 2) == '%') {
                out.append(c); // leave escapes alone: their case means nothing
            } else {
                out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
        }
        String flipped = out.toString();
        return flipped.equals(segment) ? segment + "X" : flipped;
    }

    private static String insertMiddle(String segment, String insert) {
        int middle = segment.length() / 2;
        while (middle > 0 && middle < segment.length() && isInsideEscape(segment, middle)) {
            middle++;
        }
        return segment.substring(0, middle) + insert + segment.substring(middle);
    }

    private static boolean isInsideEscape(String segment, int index) {
        return index >= 1 && segment.charAt(index - 1) == '%' || index >= 2 && segment.charAt(index - 2) == '%';
    }

    /** Percent-decodes a canonical segment to its bytes. */
    private static byte[] decode(String segment) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** The probes of one class, for running a class at a time. */
    public static List<EdgeProbe> ofClass(List<EdgeProbe> probes, ProbeClass probeClass) {
        return probes.stream().filter(p -> p.probeClass() == probeClass).toList();
    }
}
