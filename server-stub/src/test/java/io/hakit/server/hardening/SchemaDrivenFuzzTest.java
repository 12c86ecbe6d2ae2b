package io.hakit.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.openapi.HaContract.DocumentedExchange;
import io.hakit.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Schema-driven negative testing, at least 10,000 generated requests a run: the document's own example requests,
 * broken at every field (wrong types, missing and unknown fields, oversize strings, boundary volumes, malformed
 * CIDRs, long multi-byte names), as malformed JSON, with wrong content types, methods and tokens. Every answer is
 * judged by {@link Probe}: no 5xx, a documented answer (the Fault of its code), and a world a refusal left alone.
 */
class SchemaDrivenFuzzTest {

    static final int TRIES_PER_PROPERTY = 2_500;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<DocumentedExchange> EXCHANGES = TestServer.CONTRACT.documentedExchanges();
    private static final List<DocumentedExchange> WITH_BODIES = EXCHANGES.stream().filter(e -> e.requestBody().isPresent()).toList();
    private static final Probe PROBE = new Probe(TestServer.server());

    @BeforeContainer
    static void documentedWorld() {
        freshWorld();
        Probe.SENT.set(0);
    }

    @AfterContainer
    static void tenThousandRequestsWereJudged() {
        assertThat(Probe.SENT.get()).as("generated requests judged").isGreaterThanOrEqualTo(4L * TRIES_PER_PROPERTY);
        TestServer.resetDocumented();
    }

    private static void freshWorld() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    /** Sends, judges, and puts the documented world back after anything that was accepted. */
    private static void probe(Probe.Request request) {
        Probe.Outcome outcome = PROBE.send(request);
        if (outcome.changedTheWorld()) {
            freshWorld();
        }
    }

    @Property(tries = TRIES_PER_PROPERTY, generation = GenerationMode.RANDOMIZED)
    void documentedBodiesBrokenAtAnyField(@ForAll("brokenBodies") Probe.Request request) {
        probe(request);
    }

    @Property(tries = TRIES_PER_PROPERTY, generation = GenerationMode.RANDOMIZED)
    void boundaryValues(@ForAll("boundaries") Probe.Request request) {
        probe(request);
    }

    @Property(tries = TRIES_PER_PROPERTY, generation = GenerationMode.RANDOMIZED)
    void malformedJsonAndWrongMediaTypes(@ForAll("malformed") Probe.Request request) {
        probe(request);
    }

    @Property(tries = TRIES_PER_PROPERTY, generation = GenerationMode.RANDOMIZED)
    void wrongTokensMethodsAndPaths(@ForAll("wrongRequests") Probe.Request request) {
        probe(request);
    }

    // --- generators -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Probe.Request> brokenBodies() {
        return Arbitraries.of(WITH_BODIES).flatMap(exchange -> {
            List<String> pointers = pointers(exchange.requestBody().orElseThrow(), "");
            return Combinators.combine(Arbitraries.of(pointers), breakages()).as((pointer, breakage) ->
                    request(exchange, breakage.apply(exchange.requestBody().orElseThrow(), pointer)));
        });
    }

    @Provide
    Arbitrary<Probe.Request> boundaries() {
        Arbitrary<Probe.Request> volumes = Arbitraries.of(0, 1, 300, 301, -1, Integer.MAX_VALUE).flatMap(size ->
                Arbitraries.of("createHaInstance", "resizeVolume", "addReplica").map(name -> {
                    DocumentedExchange exchange = TestServer.CONTRACT.documentedExchange(name);
                    ObjectNode body = (ObjectNode) exchange.requestBody().orElseThrow().deepCopy();
                    body.findParents("size").forEach(parent -> ((ObjectNode) parent).put("size", size));
                    return request(exchange, body.toString());
                }));
        Arbitrary<Probe.Request> names = Combinators.combine(Arbitraries.of(254, 255, 256, 1000, 0),
                Arbitraries.of("a", "é", "名", "\uD83D\uDE00", "\u0000", "\"", "\\")).as((length, unit) -> {
                    DocumentedExchange exchange = TestServer.CONTRACT.documentedExchange("createHaInstance");
                    ObjectNode body = (ObjectNode) exchange.requestBody().orElseThrow().deepCopy();
                    ((ObjectNode) body.get("ha")).put("name", unit.repeat(length));
                    return request(exchange, body.toString());
                });
        Arbitrary<Probe.Request> cidrs = Arbitraries.of("0.0.0.0/0", "255.255.255.255/32", "256.0.0.0/8", "1.2.3.4/33",
                "1.2.3.4/-1", "1.2.3.4", "1.2.3/24", "01.2.3.4/8", "1.2.3.4/08", "a.b.c.d/8", "1.2.3.4/32 ", "",
                "1.2.3.4/32/1", "::1/128", "1.2.3.4.5/32", "999999999999.1.1.1/1").map(address -> {
                    DocumentedExchange exchange = TestServer.CONTRACT.documentedExchange("addHaAcl");
                    ObjectNode body = NODES.objectNode().put("address", address);
                    return request(exchange, body.toString());
                });
        return Arbitraries.oneOf(volumes, names, cidrs);
    }

    @Provide
    Arbitrary<Probe.Request> malformed() {
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.of(WITH_BODIES).flatMap(e -> {
                    String body = e.requestBody().orElseThrow().toString();
                    return Arbitraries.integers().between(0, body.length() - 1).map(cut -> body.substring(0, cut));
                }),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("null", "[]", "0", "\"text\"", "{}", "{\"a\":}", "{'a': 1}", "\uFEFF{}"));
        Arbitrary<String> contentTypes = Arbitraries.of("application/json", "text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json; charset=utf-16");
        return Combinators.combine(Arbitraries.of(WITH_BODIES), texts, contentTypes).as((exchange, text, type) -> {
            Map<String, String> headers = headers(exchange);
            headers.put("Content-Type", type.isEmpty() ? null : type);
            return new Probe.Request(exchange.method(), exchange.path(), headers,
                    Optional.of(text.getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Provide
    Arbitrary<Probe.Request> wrongRequests() {
        Arbitrary<String> tokens = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.strings().alpha().ofMaxLength(40),
                Arbitraries.just(TestServer.OTHER_TOKEN), Arbitraries.just(TestServer.TOKEN));
        Arbitrary<String> methods = Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
        Arbitrary<String> paths = Arbitraries.oneOf(Arbitraries.of(EXCHANGES).map(DocumentedExchange::path),
                Arbitraries.of(EXCHANGES).map(e -> e.path().replace("/1234/", "/5678/")),
                Arbitraries.of(EXCHANGES).map(e -> e.path().replace("v1.0", "v2.0")),
                Arbitraries.of(EXCHANGES).map(e -> e.path() + "/extra"),
                Arbitraries.of("/v1.0/1234/ha?limit=0", "/v1.0/1234/ha?limit=abc", "/v1.0/1234/ha?marker=", "/v1.0",
                        "/v1.0/1234", "/v1.0/1234/ha/%00", "/v1.0/1234/ha/..%2F..", "/flavors/x", "/instances/"));
        return Combinators.combine(methods, paths, tokens, Arbitraries.of(WITH_BODIES)).as((method, path, token, bodySource) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Auth-Token", token);
            headers.put("Content-Type", "application/json");
            boolean withBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
            return new Probe.Request(method, path, headers, withBody
                    ? Optional.of(bodySource.requestBody().orElseThrow().toString().getBytes(StandardCharsets.UTF_8))
                    : Optional.empty());
        });
    }

    /** Ways to break a value: what each does to the node at a pointer of a copy of the body. */
    private static Arbitrary<Breakage> breakages() {
        return Arbitraries.of(
                new Breakage("remove", node -> null),
                new Breakage("null", node -> NODES.nullNode()),
                new Breakage("number", node -> NODES.numberNode(12345)),
                new Breakage("negative", node -> NODES.numberNode(-1)),
                new Breakage("decimal", node -> NODES.numberNode(1.5)),
                new Breakage("string", node -> NODES.textNode("not the right type")),
                new Breakage("empty string", node -> NODES.textNode("")),
                new Breakage("long string", node -> NODES.textNode("x".repeat(70_000))),
                new Breakage("boolean", node -> NODES.booleanNode(true)),
                new Breakage("array", node -> NODES.arrayNode().add(node)),
                new Breakage("object", node -> NODES.objectNode().set("wrapped", node)),
                new Breakage("unknown field", node -> node.isObject()
                        ? ((ObjectNode) node.deepCopy()).put("unexpected_field", 1) : NODES.objectNode()));
    }

    record Breakage(String name, java.util.function.UnaryOperator<JsonNode> change) {

        String apply(JsonNode body, String pointer) {
            JsonNode copy = body.deepCopy();
            if (pointer.isEmpty()) {
                JsonNode changed = change.apply(copy);
                return changed == null ? "" : changed.toString();
            }
            String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
            String key = pointer.substring(pointer.lastIndexOf('/') + 1);
            JsonNode parent = copy.at(parentPointer);
            JsonNode changed = change.apply(copy.at(pointer));
            if (parent instanceof ObjectNode object) {
                if (changed == null) {
                    object.remove(key);
                } else {
                    object.set(key, changed);
                }
            } else if (parent instanceof ArrayNode array) {
                int index = Integer.parseInt(key);
                if (changed == null) {
                    array.remove(index);
                } else {
                    array.set(index, changed);
                }
            }
            return copy.toString();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every pointer of a body, the root included. */
    private static List<String> pointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        pointers.add(at);
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> pointers.addAll(pointers(f.getValue(), at + "/" + f.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.addAll(pointers(node.get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    private static Map<String, String> headers(DocumentedExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private static Probe.Request request(DocumentedExchange exchange, String body) {
        return new Probe.Request(exchange.method(), exchange.path(), headers(exchange),
                Optional.of(body.getBytes(StandardCharsets.UTF_8)));
    }
}
