package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.contract.Conformance.Verdict;
import io.hakit.contract.api.RestHaApi;
import io.hakit.server.domain.Durations;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The gate proves itself: run in gate mode (plain HTTP, documented validation, polling) against the reference
 * server behind a proxy, it passes when the proxy only forwards, and fails on each deliberately broken
 * implementation, naming the operation and the check that broke. Each broken run judges only the operations the
 * breakage concerns ({@code --only}), so that the proof stays quick.
 */
class GateCatchesBrokenImplementationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The whole gate (scenarios, negative testing, edge probes) through a proxy that forwards bytes untouched. */
    @Test
    void aFaithfulImplementationPassesTheWholeGate() throws IOException {
        java.nio.file.Path reports = java.nio.file.Path.of("target/gate-reports-faithful");
        GateRun.Result result = gateThroughRaw(head -> head, "--fuzz=150", "--edge=on", "--require-all");
        new Reports(result).writeTo(reports);
        assertThat(result.outcome()).as("the proxy itself breaks nothing: %s", result.conformance().violations())
                .isEqualTo(GateRun.Outcome.PASSED);
        assertThat(result.conformance().verdicts()).as("all 21 exercised and passed")
                .hasSize(21).allSatisfy((operation, verdict) -> assertThat(verdict).as(operation).isEqualTo(Verdict.PASSED));
        assertThat(result.fuzz().generated()).isEqualTo(150);
        assertThat(result.fuzz().unauthenticated()).as("no token and an unknown one, per secured operation").isGreaterThanOrEqualTo(2 * 21);
        assertThat(result.edgeProbes()).isGreaterThan(1000);
        assertThat(result.leftovers()).as("everything the gate made was deleted, but the replica it removed")
                .singleElement().asString().contains("the replica removed from HA instance");
        try (var files = java.nio.file.Files.list(reports)) {
            List<java.nio.file.Path> written = files.toList();
            assertThat(written.stream().map(p -> p.getFileName().toString())).contains("summary.md", "report.json",
                    "TEST-gate.restartHaInstance.xml", "TEST-gate.convertToHa.xml");
            for (java.nio.file.Path file : written) {
                assertThat(java.nio.file.Files.readString(file)).as("no token in %s", file)
                        .doesNotContain(KitServers.TOKEN).doesNotContain("5678-token-second-account");
            }
        }
    }

    @Test
    void aServerErrorOnAMalformedBodyIsCaught() {
        GateRun.Result result = gateThrough(answerWhen(request -> request.isAction("resize_volumes")
                && !request.body().at("/resize_volumes/size").isIntegralNumber(), new BrokenProxy.Answer(500, "")),
                "--only=resizeVolume", "--fuzz=120", "--seed=11", "--requestTimeoutSeconds=5");
        assertCaught(result, "resizeVolume", "not_a_server_error");
    }

    @Test
    void anOutOfRangeValueAcceptedIsCaught() {
        GateRun.Result result = gateThrough(answerWhen(request -> request.isAction("resize_volumes")
                && request.body().at("/resize_volumes/size").asLong() > 300, new BrokenProxy.Answer(202, "")),
                "--only=resizeVolume", "--fuzz=400", "--seed=11", "--requestTimeoutSeconds=5");
        assertCaught(result, "resizeVolume", "negative_data_rejection");
    }

    /**
     * Refusals with the wrong code, each the Fault of its own code and a status the operation documents: a malformed
     * action body answered 422 (the document keeps 422 for a well-formed request), a body that is not JSON (declared
     * text/plain) answered 400 instead of 415. Any 4xx passed negative_data_rejection.
     */
    @Test
    void aMalformedBodyRefusedWithTheWrongCodeIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (method.equals("POST") && path.endsWith("/action") && answer.status() == 400) {
                    return new BrokenProxy.Answer(422, "{\"unprocessableEntity\": {\"code\": 422, \"message\": \"no\"}}");
                }
                if (method.equals("POST") && path.endsWith("/acls") && answer.status() == 415) {
                    return new BrokenProxy.Answer(400, "{\"badRequest\": {\"code\": 400, \"message\": \"no\"}}");
                }
                return answer;
            }
        }, "--only=resizeVolume,addHaAcl", "--fuzz=60", "--seed=11", "--requestTimeoutSeconds=5");
        assertCaught(result, "resizeVolume", "negative_data_rejection");
        assertCaught(result, "addHaAcl", "negative_data_rejection");
        assertThat(result.conformance().failuresOf("resizeVolume").stream()
                .filter(f -> f.check().equals("negative_data_rejection")).map(Conformance.Failure::message))
                .as("names what the document wants").anyMatch(m -> m.contains("answered 422")
                        && m.contains("the document refuses a request invalid this way with 400 badRequest"));
    }

    /** A malformed body refused 400 with the Fault's shape, but a stack trace for its message: the shape was all that counted. */
    @Test
    void aStackTraceInAFaultIsCaught() {
        String trace = "{\"badRequest\": {\"code\": 400, \"message\": \"java.lang.NumberFormatException: For input"
                + " string\\n\\tat io.impl.Actions.resize(Actions.java:42)\"}}";
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                return method.equals("POST") && path.endsWith("/action") && answer.status() == 400
                        ? new BrokenProxy.Answer(400, trace) : answer;
            }
        }, "--only=resizeVolume", "--fuzz=60", "--seed=11", "--requestTimeoutSeconds=5");
        assertCaught(result, "resizeVolume", "error_body");
        assertThat(result.conformance().failuresOf("resizeVolume").stream().map(Conformance.Failure::message))
                .anyMatch(m -> m.contains("badRequest.message holds a stack trace"));
    }

    /**
     * Tenancy checked on reads only: another account's valid token may restart, resize or delete this account's
     * groups. The scenarios send another account's token to this account's path on show alone, and the edge probes
     * only on plain HTTP at the host's root: over https, under a path prefix or with --edge=off it passed.
     */
    @Test
    void anotherAccountsTokenAcceptedForWritesIsCaughtWithoutTheEdgeProbes() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                if (!exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getRawPath().startsWith("/v1.0/1234/")
                        && "5678-token-second-account".equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
                    forwarded.setHeader("X-Auth-Token", KitServers.TOKEN);
                }
            }
        }, "--only=restartHaInstance,deleteHaInstance", "--fuzz=1", "--seed=11", "--requestTimeoutSeconds=5");
        assertCaught(result, "restartHaInstance", "ignored_auth");
        assertCaught(result, "deleteHaInstance", "ignored_auth");
        assertThat(result.conformance().failuresOf("restartHaInstance").stream().map(Conformance.Failure::message))
                .anyMatch(m -> m.contains("sent with another account's valid token ($HA_OTHER_TOKEN) to this account's"
                        + " path, failed ignored_auth: it was not refused 403 but answered 202"));
    }

    /**
     * A conforming implementation that queues its work: a group reads as it was (ACTIVE, the old volume, replicas and
     * version) for a moment after an action's 202, then moves. The scenarios waited for ACTIVE alone, read the group
     * before the change showed, and failed it.
     */
    @Test
    void changesThatShowAMomentAfterTheir202Pass() {
        GateRun.Result result = gateThrough(new ReadsAsItWasAfterAnAction(Duration.ofMillis(1500)),
                "--only=resizeVolume,resizeFlavor,addReplica,removeReplica,upgradeHaInstance", "--fuzz=0", "--seed=11");
        assertThat(result.outcome()).as("%s", result.conformance().violations()).isEqualTo(GateRun.Outcome.PASSED);
    }

    /** GET of a group answers what it answered before an action for a while after the action's 202. */
    private static final class ReadsAsItWasAfterAnAction implements BrokenProxy.Breakage {
        private final Duration lag;
        private final java.util.Map<String, String> lastRead = new ConcurrentHashMap<>();
        private final java.util.Map<String, Long> staleUntil = new ConcurrentHashMap<>();

        ReadsAsItWasAfterAnAction(Duration lag) {
            this.lag = lag;
        }

        @Override
        public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
            String group = path.replaceFirst("/action$", "");
            if (method.equals("POST") && path.endsWith("/action") && answer.status() == 202) {
                staleUntil.put(group, System.nanoTime() + lag.toNanos());
            } else if (method.equals("GET") && path.matches("/v1\\.0/1234/ha/[^/]+") && answer.status() == 200) {
                Long until = staleUntil.get(path);
                if (until != null && System.nanoTime() - until < 0 && lastRead.containsKey(path)) {
                    return new BrokenProxy.Answer(200, lastRead.get(path));
                }
                lastRead.put(path, answer.body());
            }
            return answer;
        }
    }

    /**
     * --seed repeats a run: the same requests (method, target, token, body) in the same order against the same world.
     * The unknown token of the authentication scenario was drawn from the clock, so no two runs sent the same requests.
     */
    @Test
    void theSameSeedSendsTheSameRequests() {
        List<List<String>> runs = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<String> sent = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            gateThrough(new BrokenProxy.Breakage() {
                @Override
                public void request(com.sun.net.httpserver.HttpExchange exchange, String requestBody,
                        java.net.http.HttpRequest.Builder forwarded) {
                    sent.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                            + exchange.getRequestHeaders().getFirst("X-Auth-Token") + " " + requestBody);
                }
            }, "--only=listHaInstances,listHaAcls", "--fuzz=30", "--seed=5");
            runs.add(List.copyOf(sent));
        }
        assertThat(runs.get(0)).hasSizeGreaterThan(50);
        assertThat(runs.get(1)).containsExactlyElementsOf(runs.get(0));
    }

    @Test
    void anUndocumentedStatusIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                return method.equals("DELETE") && path.contains("/acls/") && answer.status() == 202
                        ? new BrokenProxy.Answer(204, "") : answer;
            }
        }, "--only=deleteHaAcl", "--fuzz=0");
        assertCaught(result, "deleteHaAcl", "status_code_conformance");
    }

    @Test
    void aDeletedGroupStillListedIsCaught() {
        java.util.Map<String, JsonNode> listed = new ConcurrentHashMap<>();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (method.equals("POST") && path.equals("/v1.0/1234/ha") && answer.status() == 202) {
                    JsonNode group = parse(answer.body()).path("ha_instance");
                    com.fasterxml.jackson.databind.node.ObjectNode entry = JSON.createObjectNode();
                    for (String field : List.of("id", "name", "state", "datastore")) {
                        entry.set(field, group.path(field));
                    }
                    listed.put(group.path("id").asText(), entry.put("state", "ACTIVE"));
                }
                if (method.equals("DELETE") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 202) {
                    deleted.add(path.substring(path.lastIndexOf('/') + 1));
                }
                if (method.equals("GET") && path.equals("/v1.0/1234/ha") && answer.status() == 200) {
                    parse(answer.body()).path("ha_instances").forEach(entry -> listed.put(entry.path("id").asText(), entry));
                    return new BrokenProxy.Answer(200, withGroups(answer.body(), deleted, listed));
                }
                return answer;
            }
        }, "--only=deleteHaInstance", "--fuzz=0");
        assertCaught(result, "listHaInstances", "use_after_free");
    }

    @Test
    void authenticationSkippedForOnePathSpellingIsCaught() {
        GateRun.Result result = gateThroughRaw(head -> head.startsWith("GET /v1%2E0/1234/ha ")
                        || head.startsWith("GET /%76%31%2E%30/1234/ha ")
                        ? head.replace("\r\n\r\n", "\r\nX-Auth-Token: " + KitServers.TOKEN + "\r\n\r\n")
                                .replaceAll("X-Auth-Token: 5678[^\r]*\r\n", "")
                        : head,
                "--only=listHaInstances", "--fuzz=0", "--edge=on");
        assertCaught(result, "listHaInstances", "ignored_auth");
    }

    @Test
    void anImplementationThatTakesAnyTokenIsCaughtWithTheGeneratedRequestsOff() {
        // Every request on account 1234's paths passes as its owner's, whatever token it carries, or none. With
        // --fuzz=0 (and the edge probes off, as for an https target) the gate sent no request without a right token,
        // and passed this: --fuzz=0 turned off the refusals sent on every run as well as the generated requests.
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                if (exchange.getRequestURI().getRawPath().startsWith("/v1.0/1234/")) {
                    forwarded.setHeader("X-Auth-Token", KitServers.TOKEN);
                }
            }
        }, "--only=showHaInstance", "--fuzz=0");
        assertCaught(result, "showHaInstance", "ignored_auth");
    }

    @Test
    void anotherAccountReachingAGroupThroughItsOwnPathIsCaught() {
        // A tenancy check on the group's own read alone: account 5678, on its own path, reaches 1234's ACLs, backups,
        // actions and delete. The gate passed this (GATE PASSED) while it asked only for the group itself.
        GateRun.Result result = gateThrough(asAccount1234("/v1.0/5678/ha/[^/]+/.+"), "--only=listHaAcls", "--fuzz=0");
        assertCaught(result, "listHaAcls", "ignored_auth");
    }

    @Test
    void anotherAccountReachingABackupByIdIsCaught() {
        // A tenancy check on groups alone: account 5678, on its own path, reads 1234's backup by its id. The isolation
        // scenario asked only for groups and what is under them, never for a backup, so the gate passed this.
        GateRun.Result result = gateThrough(asAccount1234("/v1.0/5678/backups/[^/]+"), "--only=showBackup", "--fuzz=0");
        assertCaught(result, "showBackup", "ignored_auth");
    }

    @Test
    void answersWithoutAContentTypeAreCaught() {
        // The validator judges a Content-Type only when there is one; with the edge probes off (or an https target,
        // where they are not sent) answers with no Content-Type at all passed the gate.
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public boolean dropsContentType(String method, String path, int status) {
                return method.equals("GET") && path.equals("/v1.0/1234/ha") && status == 200;
            }
        }, "--only=listHaInstances", "--fuzz=0");
        assertCaught(result, "listHaInstances", "content_type_conformance");
    }

    @Test
    void anAclDeleteThatRemovesAnotherAddressIsChargedToTheDelete() {
        GateRun.Result result = gateThrough(sentOnTo("DELETE", ".*/acls/10\\.20\\.30\\.40%25252F32",
                uri -> uri.replace("/acls/10.20.30.40%25252F32", "/acls/1.2.3.4%25252F5")), "--only=deleteHaAcl", "--fuzz=0");
        assertCaught(result, "deleteHaAcl", "documented_behaviour");
        assertThat(result.conformance().failuresOf("deleteHaInstance")).as("not charged to the clean-up's delete").isEmpty();
    }

    @Test
    void aScenariosOwnAssertionIsChargedBeforeItsCleanUp() {
        // The read endpoint (3307) shown as a second write one: GroupLifecycleScenarios' own assertion fails on the
        // show. It was charged to the clean-up's DELETE of the group (deleteHaInstance), the last exchange once
        // @AfterEach had run. (Two replicas added and one shown no longer serves: the replica scenario now waits for
        // the second to show, and charges its absence to the add.)
        GateRun.Result result = gateThrough(noReadEndpointShown(), "--only=createHaInstance", "--fuzz=0");
        assertCaught(result, "showHaInstance", "documented_behaviour");
        assertThat(result.conformance().failuresOf("deleteHaInstance")).as("not charged to the clean-up's delete").isEmpty();
    }

    @Test
    void aFailureOfAnOperationNotSelectedIsInTheReports() throws IOException {
        // --only=createHaInstance: the lifecycle scenario shows showHaInstance answering wrong. The run failed (exit 1),
        // but the JUnit XML, summary.md and report.json held only the selected operation, passed, and no failure.
        GateRun.Result result = gateThrough(noReadEndpointShown(), "--only=createHaInstance", "--fuzz=0");
        assertThat(result.outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
        java.nio.file.Path reports = java.nio.file.Files.createTempDirectory("gate-reports-unselected");
        new Reports(result).writeTo(reports);
        assertThat(java.nio.file.Files.readString(reports.resolve("summary.md"))).contains("showHaInstance · documented_behaviour");
        assertThat(java.nio.file.Files.readString(reports.resolve("TEST-gate.showHaInstance.xml"))).contains("<failure");
        assertThat(JSON.readTree(reports.resolve("report.json").toFile()).at("/operations/showHaInstance/failures"))
                .isNotEmpty();
    }

    @Test
    void anUnimplementedOperationNotSelectedIsInTheReports() throws IOException {
        // --only=listHaBackups: the backup scenario finds listBackups answering 501. The run failed (exit 1), but the
        // JUnit XML, summary.md and report.json held only the selected operations and no failure at all.
        GateRun.Result result = gateThrough(answerWhen(request -> request.method().equals("GET")
                && request.path().equals("/v1.0/1234/backups"), new BrokenProxy.Answer(501, "")),
                "--only=listHaBackups", "--fuzz=0");
        assertThat(result.outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(result.conformance().verdict("listBackups")).isEqualTo(Verdict.UNIMPLEMENTED);
        java.nio.file.Path reports = java.nio.file.Files.createTempDirectory("gate-reports-unimplemented");
        new Reports(result).writeTo(reports);
        assertThat(java.nio.file.Files.readString(reports.resolve("summary.md"))).contains("**listBackups** is not implemented");
        assertThat(java.nio.file.Files.readString(reports.resolve("TEST-gate.listBackups.xml"))).contains("<failure");
        assertThat(JSON.readTree(reports.resolve("report.json").toFile()).at("/operations/listBackups/verdict").asText())
                .isEqualTo("unimplemented");
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        new Reports(result).print(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("listBackups")
                .containsPattern("\\n  listBackups +unimplemented ")
                .contains("1 unimplemented, 0 not exercised (of 2 operations judged)"); // the table agrees with the verdict
    }

    /** A group's show gives every network endpoint the write port: the read endpoint (3307) is gone. */
    private static BrokenProxy.Breakage noReadEndpointShown() {
        return new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200) {
                    JsonNode group = parse(answer.body());
                    group.at("/ha_instance/networks").forEach(network -> {
                        if (network instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.has("port")) {
                            object.put("port", 3306);
                        }
                    });
                    return new BrokenProxy.Answer(200, group.toString());
                }
                return answer;
            }
        };
    }

    @Test
    void aHangOnOneRequestIsCaughtAndTheRunGoesOn() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getRawPath().endsWith("/acls")) {
                    sleep(Duration.ofSeconds(30)); // longer than --requestTimeoutSeconds
                }
            }
        }, "--only=listHaAcls", "--fuzz=0", "--requestTimeoutSeconds=2");
        assertCaught(result, "listHaAcls", "answered_in_time");
        assertThat(result.took()).as("the gate did not wait for the hung request").isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void anUnimplementedOperationIsReportedAsSuch() {
        GateRun.Result result = gateThrough(answerWhen(request -> request.method().equals("GET")
                && request.path().matches("/v1.0/1234/ha/[^/]+/backups"), new BrokenProxy.Answer(501, "")),
                "--only=listHaBackups", "--fuzz=0");
        assertThat(result.outcome()).isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(result.conformance().verdict("listHaBackups")).isEqualTo(Verdict.UNIMPLEMENTED);
    }

    /**
     * An implemented operation whose 404 is not the documented Fault (showHaInstance answers a deleted group 404
     * {"message": ...}): its fault is wrong, the operation is there; the gate must fail its error_body, not call it
     * unimplemented.
     */
    @Test
    void aNotFoundThatIsNotAFaultIsAWrongFaultOfAnImplementedOperation() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                return method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 404
                        ? new BrokenProxy.Answer(404, "{\"message\": \"HA instance not found\"}") : answer;
            }
        }, "--only=deleteHaInstance", "--fuzz=0");
        assertThat(result.outcome()).as("the gate fails").isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(result.conformance().verdict("showHaInstance")).as("showHaInstance").isEqualTo(Verdict.FAILED);
        assertThat(result.conformance().failuresOf("showHaInstance")).anySatisfy(failure -> {
            assertThat(failure.check()).isEqualTo("error_body");
            assertThat(failure.message()).contains("the member itemNotFound is missing").contains("message");
        });
    }

    @Test
    void aRenamedFieldIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                return new BrokenProxy.Answer(answer.status(), answer.body().replace("\"tenant_id\"", "\"tenantId\""));
            }
        }, "--only=createHaInstance", "--fuzz=0");
        assertCaught(result, "createHaInstance", "response_schema_conformance");
    }

    /**
     * A member twice in one object: {"ha_instance": {"state": "ERROR", ..., "state": "ACTIVE"}}. Jackson (the gate's
     * reader and its validator's) keeps the last, so the answer read as valid; a client that keeps the first reads
     * ERROR. RFC 8259 (section 4) leaves such an answer's meaning to each reader.
     */
    @Test
    void aMemberTwiceInOneObjectIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                return method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200
                        ? new BrokenProxy.Answer(200, answer.body().replaceFirst("^\\{\"ha_instance\":\\{",
                                "{\"ha_instance\":{\"state\":\"ERROR\",")) : answer;
            }
        }, "--only=showHaInstance", "--fuzz=0");
        assertCaught(result, "showHaInstance", "response_schema_conformance");
        assertThat(result.conformance().failuresOf("showHaInstance")).anySatisfy(failure -> assertThat(failure.message())
                .contains("state").contains("twice"));
    }

    /**
     * A show whose group is followed by more than white space ({"ha_instance": {...}} garbage, and {...}{...}): the
     * gate's reader stops at the end of the first value, so the answer read as valid; a strict client refuses it (a
     * JSON text is one value, RFC 8259, section 2).
     */
    @Test
    void moreThanOneJsonValueInAnAnswerIsCaught() {
        for (String tail : List.of(" garbage", "{\"ha_instance\":{}}")) {
            GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
                @Override
                public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                    return method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200
                            ? new BrokenProxy.Answer(200, answer.body() + tail) : answer;
                }
            }, "--only=showHaInstance", "--fuzz=0");
            assertCaught(result, "showHaInstance", "response_schema_conformance");
            assertThat(result.conformance().failuresOf("showHaInstance")).as(tail).anySatisfy(failure -> assertThat(
                    failure.message()).contains("not one JSON value"));
        }
    }

    /**
     * An ACL list that leaves out the ACLs the group was created with (10.0.0.0/0 and 1.2.3.4/5 in the documented
     * create request): the ACL scenario compared the list only with itself, before and after its own add and delete.
     */
    @Test
    void anAclListWithoutTheCreatedAclsIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (!method.equals("GET") || !path.endsWith("/acls") || answer.status() != 200) {
                    return answer;
                }
                JsonNode json = parse(answer.body());
                java.util.Iterator<JsonNode> acls = json.path("acls").elements();
                while (acls.hasNext()) {
                    if (List.of("10.0.0.0/0", "1.2.3.4/5").contains(acls.next().path("address").asText())) {
                        acls.remove();
                    }
                }
                return new BrokenProxy.Answer(200, json.toString());
            }
        }, "--only=listHaAcls", "--fuzz=0");
        assertCaught(result, "listHaAcls", "documented_behaviour");
    }

    /**
     * A removeReplica that removes the other replica, not the one it names: the group goes from two replicas to one,
     * as the replica scenario checked, but the one left is the one that was to go.
     */
    @Test
    void aRemoveReplicaThatRemovesTheOtherReplicaIsCaught() {
        java.util.Map<String, List<String>> replicas = new ConcurrentHashMap<>();
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, String requestBody,
                    java.net.http.HttpRequest.Builder forwarded) {
                String path = exchange.getRequestURI().getRawPath();
                JsonNode body = parse(requestBody);
                if (path.endsWith("/action") && body.path("remove_replica").isTextual()) {
                    String named = body.get("remove_replica").asText();
                    List<String> ids = replicas.getOrDefault(path.substring(0, path.length() - "/action".length()), List.of());
                    ids.stream().filter(other -> !other.equals(named)).findFirst().filter(other -> ids.contains(named))
                            .ifPresent(other -> forwarded.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"remove_replica\": \"" + other + "\"}")));
                }
            }

            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200) {
                    List<String> ids = new java.util.ArrayList<>();
                    parse(answer.body()).at("/ha_instance/replicas").forEach(r -> ids.add(r.path("id").asText()));
                    replicas.put(path, ids);
                }
                return answer;
            }
        }, "--only=removeReplica", "--fuzz=0");
        assertCaught(result, "removeReplica", "documented_behaviour");
    }

    /**
     * A group shown with another name than the one it was created with: every field is of its documented type, so the
     * schema passes it, and no scenario compared what a group shows with what created it.
     */
    @Test
    void aGroupShownWithAnotherNameIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200) {
                    com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) parse(answer.body());
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("ha_instance")).put("name", "ha-1");
                    return new BrokenProxy.Answer(200, json.toString());
                }
                return answer;
            }
        }, "--only=showHaInstance", "--fuzz=0");
        assertCaught(result, "showHaInstance", "documented_behaviour");
        assertThat(result.conformance().failuresOf("createHaInstance")).as("the create answered the right name").isEmpty();
    }

    @Test
    void okInsteadOfAcceptedIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                boolean action = method.equals("POST") && path.endsWith("/action") && answer.status() == 202;
                return action ? new BrokenProxy.Answer(200, answer.body()) : answer;
            }
        }, "--only=restartHaInstance", "--fuzz=0");
        assertCaught(result, "restartHaInstance", "status_code_conformance");
    }

    /**
     * A restart that does nothing: accepted (202) but never sent on, so the group is never restarted. From ACTIVE it
     * looks like a restart that completes at once; it must be caught by what a restart documents it does, clearing
     * RESTART_REQUIRED (the gate's configuration group has a non-dynamic parameter), and charged to the restart.
     */
    @Test
    void aRestartThatDoesNothingIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, String requestBody,
                    java.net.http.HttpRequest.Builder forwarded) {
                if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getRawPath().endsWith("/action")
                        && parse(requestBody).has("restart")) {
                    String action = forwarded.copy().build().uri().toString();
                    forwarded.uri(URI.create(action.substring(0, action.length() - "/action".length())))
                            .GET(); // the group is only read: nothing restarts
                }
            }

            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                boolean restart = method.equals("POST") && path.endsWith("/action") && parse(requestBody).has("restart");
                return restart && answer.status() == 200 ? new BrokenProxy.Answer(202, "") : answer;
            }
        }, "--only=restartHaInstance", "--fuzz=0", "--waitSeconds=3");
        assertCaught(result, "restartHaInstance", "documented_behaviour");
        assertThat(result.conformance().failuresOf("restartHaInstance")).anySatisfy(failure -> assertThat(failure.message())
                .contains("stayed RESTART_REQUIRED"));
    }

    /** A group that never shows its configuration group: attached or not, {@code configuration} is null. */
    @Test
    void aGroupThatNeverShowsItsConfigurationIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                JsonNode json = parse(answer.body());
                if (method.equals("GET") && json.path("ha_instance").isObject()) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("ha_instance")).putNull("configuration");
                    return new BrokenProxy.Answer(answer.status(), json.toString());
                }
                return answer;
            }
        }, "--only=attachConfiguration,detachConfiguration", "--fuzz=0");
        assertCaught(result, "attachConfiguration", "documented_behaviour");
        assertThat(result.conformance().failuresOf("attachConfiguration")).anySatisfy(failure -> assertThat(failure.message())
                .contains("the group then showed configuration null"));
    }

    /** A detach answered 202 that detaches nothing: the group still shows the configuration group. */
    @Test
    void aDetachThatDetachesNothingIsCaught() {
        GateRun.Result result = gateThrough(acceptedAndIgnored(request -> request.method().equals("PATCH")
                && request.body().at("/ha_instance/configuration").asText("x").isEmpty()),
                "--only=attachConfiguration,detachConfiguration", "--fuzz=0");
        assertCaught(result, "detachConfiguration", "documented_behaviour");
        assertThat(result.conformance().failuresOf("detachConfiguration")).anySatisfy(failure -> assertThat(failure.message())
                .contains("not null: a detach leaves none attached"));
    }

    /**
     * Not a broken implementation: the gate's configuration group has only dynamic parameters, so attaching it leaves
     * the group ACTIVE and no restart can be seen to clear RESTART_REQUIRED. restartHaInstance is then not exercised,
     * saying why (and --require-all fails it), never passed on a restart that might do nothing.
     */
    @Test
    void aRestartIsNotExercisedWithoutAConfigurationThatNeedsOne() throws Exception {
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE);
                BrokenProxy proxy = BrokenProxy.in(server.baseUri(), new BrokenProxy.Breakage() {})) {
            String dynamic = server.addConfiguration("gate-dynamic", "{\"max_connections\": 300}");
            GateConfig config = server.config(proxy.uri(), "--only=restartHaInstance", "--fuzz=0", "--edge=off",
                    "--require-all", "--configurationId=" + dynamic);
            Target target = KitServers.target(config, new PollingWaiter(Duration.ofSeconds(10)),
                    (contract, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance));
            GateRun.Result result = GateRun.run(target, System.out);
            new Reports(result).print(System.out);
            assertThat(result.conformance().verdict("restartHaInstance")).isEqualTo(Verdict.NOT_EXERCISED);
            assertThat(result.conformance().whyBehaviourNotShown("restartHaInstance")).get().asString()
                    .contains("left the group ACTIVE, not RESTART_REQUIRED");
            assertThat(result.outcome()).as("--require-all").isEqualTo(GateRun.Outcome.VIOLATED);
            assertThat(result.conformance().failuresOf("restartHaInstance")).isEmpty();
        }
    }

    /**
     * Not a broken implementation: the reference server under a path prefix (--baseUrl=http://host:port/prefix), its
     * links naming that prefix as a service behind a gateway does. The gate followed each link's path below the prefix
     * again (/prefix/prefix/v1.0/...), and failed a correct implementation on its links and its pages.
     */
    @Test
    void aCorrectImplementationUnderAPathPrefixPasses() {
        GateRun.Result result = gateUnderAPrefix("--only=showHaInstance,listHaInstances,listBackups", "--fuzz=0", "--edge=off");
        assertThat(result.outcome()).as("%s", result.conformance().violations()).isEqualTo(GateRun.Outcome.PASSED);
        assertThat(result.conformance().passedChecksOf("showHaInstance")).containsKey("ensure_resource_availability");
    }

    /**
     * The edge probes are raw requests on the host's own paths (/v1.0/...): under a path prefix they judged whatever
     * answers at the host's root (a gateway, another service), not the target. They are not sent, as for https.
     */
    @Test
    void noEdgeProbeIsSentOutsideAPathPrefix() {
        GateRun.Result result = gateUnderAPrefix("--only=listHaInstances", "--fuzz=0", "--edge=on");
        assertThat(result.edgeProbes()).as("probes sent to the host's root").isZero();
        assertThat(result.outcome()).as("%s", result.conformance().violations()).isEqualTo(GateRun.Outcome.PASSED);
    }

    /**
     * Not a broken implementation: the reference server under a path prefix (--baseUrl=http://host:port/prefix), its
     * links naming that prefix as a service behind a gateway does. The gate followed each link's path below the prefix
     * again (/prefix/prefix/v1.0/...), and failed a correct implementation on its links and its pages.
     */
    private static GateRun.Result gateUnderAPrefix(String... options) {
        try (KitServers.GateServer server = KitServers.gateServer(Durations.Profile.IMMEDIATE);
                BrokenProxy proxy = BrokenProxy.in(server.baseUri(), new BrokenProxy.Breakage() {
                    @Override
                    public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                        String path = exchange.getRequestURI().getRawPath();
                        if (path.startsWith("/prefix/")) {
                            String uri = forwarded.copy().build().uri().toString();
                            forwarded.uri(URI.create(uri.replaceFirst("/prefix/", "/")));
                        }
                    }

                    @Override
                    public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                        String root = server.baseUri().toString().replaceAll("/$", "");
                        return new BrokenProxy.Answer(answer.status(), answer.body().replace(root + "/",
                                "https://public.example/prefix/"));
                    }
                })) {
            GateConfig config = server.config(URI.create(proxy.uri() + "/prefix"), options);
            Target target = KitServers.target(config, new PollingWaiter(Duration.ofSeconds(10)),
                    (contract, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance));
            GateRun.Result result = GateRun.run(target, System.out);
            new Reports(result).print(System.out);
            return result;
        }
    }

    @Test
    void skippedAuthenticationIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
                if (token == null || !token.equals(KitServers.TOKEN) && !token.startsWith("5678")) {
                    forwarded.setHeader("X-Auth-Token", KitServers.TOKEN); // anyone gets in
                }
            }
        }, "--only=createHaInstance", "--fuzz=100", "--seed=3");
        assertCaught(result, "listHaInstances", "documented_behaviour");
        assertThat(result.conformance().failuresOf("createHaInstance").stream().map(Conformance.Failure::check))
                .as("the negative testing's missing and unknown tokens").contains("ignored_auth");
        assertThat(result.conformance().failuresOf("createHaInstance")).filteredOn(f -> f.check().equals("ignored_auth"))
                .as("each says the token was missing or unknown, whatever its body was shrunk to")
                .isNotEmpty().allSatisfy(f -> assertThat(f.message()).containsAnyOf("without a token", "with an unknown token"));
    }

    /**
     * Skipping the token check for one action (restart) is the bug that matters most: the requests without a token
     * per HTTP operation send the action carrier one body only, so it must be caught on every run, not by chance.
     */
    @Test
    void authenticationSkippedForOneActionIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                return answer.status() == 401 && parse(requestBody).has("restart") ? new BrokenProxy.Answer(202, "") : answer;
            }
        }, "--only=restartHaInstance", "--fuzz=1", "--seed=1");
        assertCaught(result, "restartHaInstance", "ignored_auth");
    }

    /** A 500 for a body that is not JSON, on one operation: caught whatever the seed and however small --fuzz is. */
    @Test
    void aServerErrorOnABodyThatIsNotJsonIsCaughtWhateverTheSeed() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                return method.equals("POST") && path.endsWith("/acls") && !requestBody.isBlank()
                        && parse(requestBody).isMissingNode() ? new BrokenProxy.Answer(500, "") : answer;
            }
        }, "--only=addHaAcl", "--fuzz=1", "--seed=5");
        assertCaught(result, "addHaAcl", "not_a_server_error");
    }

    /**
     * Every page of the group list links to a next one, the last included (marker: its last id), so a client that
     * follows the links ends on an empty page, and one that stops at an empty page is the only one that stops.
     */
    @Test
    void aNextLinkOnTheLastPageIsCaught() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (!method.equals("GET") || !path.equals("/v1.0/1234/ha") || answer.status() != 200) {
                    return answer;
                }
                com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) parse(answer.body());
                JsonNode groups = json.path("ha_instances");
                boolean linked = false;
                for (JsonNode link : json.path("links")) {
                    linked |= "next".equals(link.path("rel").asText());
                }
                if (linked || groups.isEmpty()) {
                    return answer;
                }
                String last = groups.get(groups.size() - 1).path("id").asText();
                json.withArray("links").addObject().put("rel", "next")
                        .put("href", "http://127.0.0.1/v1.0/1234/ha?limit=100&marker=" + last);
                return new BrokenProxy.Answer(200, json.toString());
            }
        }, "--only=listHaInstances", "--fuzz=0");
        assertCaught(result, "listHaInstances", "documented_behaviour");
    }

    /**
     * A group list that ignores its marker: every page is the first, with a next link. The scenarios that read the
     * whole list (lifecycle, isolation, use-after-free) followed the links for ever: the gate never ended, no verdict.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 180, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aListThatIgnoresItsMarkerIsCaughtNotFollowedForEver() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getRawPath().equals("/v1.0/1234/ha")) {
                    String uri = forwarded.copy().build().uri().toString();
                    forwarded.uri(URI.create(uri.replaceAll("([?&])marker=[^&]*&?", "$1").replaceAll("[?&]$", "")));
                }
            }

            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (!method.equals("GET") || !path.equals("/v1.0/1234/ha") || answer.status() != 200) {
                    return answer;
                }
                com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) parse(answer.body());
                JsonNode groups = json.path("ha_instances");
                if (groups.isEmpty() || !json.path("links").isEmpty()) {
                    return answer;
                }
                json.withArray("links").addObject().put("rel", "next").put("href", "http://127.0.0.1/v1.0/1234/ha?limit=100&marker="
                        + groups.get(groups.size() - 1).path("id").asText());
                return new BrokenProxy.Answer(200, json.toString());
            }
        }, "--only=listHaInstances", "--fuzz=0");
        assertCaught(result, "listHaInstances", "documented_behaviour");
    }

    /**
     * A refused action that starts a transition anyway (the group shows REBOOT on the next reads) changed the group:
     * state_unchanged must fail, not pass because the group is no longer ACTIVE to compare.
     */
    @Test
    void aRefusedActionThatStartsATransitionIsCaught() {
        java.util.concurrent.atomic.AtomicInteger busyReads = new java.util.concurrent.atomic.AtomicInteger();
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                JsonNode body = parse(requestBody);
                if (method.equals("POST") && path.endsWith("/action") && answer.status() == 400 && body.isObject()
                        && body.size() != 1) {
                    busyReads.set(2); // "restarted" although refused
                }
                if (method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200
                        && busyReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) parse(answer.body());
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("ha_instance")).put("state", "REBOOT");
                    return new BrokenProxy.Answer(200, json.toString());
                }
                return answer;
            }
        }, "--only=restartHaInstance", "--fuzz=100", "--seed=7");
        assertThat(result.outcome()).as("the gate fails").isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(result.conformance().failures(Set.copyOf(result.conformance().operations())).stream()
                .map(Conformance.Failure::check)).contains("state_unchanged");
    }

    /**
     * The same at the edge: a restart whose token is in the query, not in its header, is answered 401, as it should
     * be, but restarts the group anyway. The group is in a transition when the gate reads it after the probe, which
     * must count as a change, not as a state it cannot compare. Only that probe (token-in-query-only) restarts: the
     * gate's own canonical requests must not put the group in a transition before the probe is judged, and the
     * restart lasts 5 s, well past the read that follows the probe, whatever the machine's load.
     */
    @Test
    void aRestartRefusedButDoneIsCaughtAtTheEdge() {
        java.util.regex.Pattern tokenInQuery = java.util.regex.Pattern.compile(
                "^POST (/v1\\.0/1234/ha/[^/ ?]+/action)\\?X-Auth-Token=[^ ]* HTTP/1\\.1\r\n");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        GateRun.Result result = gate(upstream -> {
            send(http, java.net.http.HttpRequest.newBuilder(upstream.resolve("/_emulator/durations"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"seconds\": {\"restart\": 5}}")).build());
            return RawProxy.in(upstream, head -> {
                java.util.regex.Matcher action = tokenInQuery.matcher(head);
                if (action.find() && !head.toLowerCase(java.util.Locale.ROOT).contains("x-auth-token:")) {
                    send(http, java.net.http.HttpRequest.newBuilder(upstream.resolve(action.group(1))) // besides its 401
                            .header("X-Auth-Token", KitServers.TOKEN).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"restart\": {}}")).build());
                }
                return head;
            });
        }, Durations.Profile.IMMEDIATE, "--only=restartHaInstance", "--fuzz=0", "--edge=on", "--waitSeconds=3");
        // charged to the action the probe named (the action route's documented body), whichever it was
        assertThat(result.outcome()).as("the gate fails").isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(result.conformance().failures(Set.copyOf(result.conformance().operations())).stream()
                .map(Conformance.Failure::check)).contains("edge_state_unchanged");
    }

    @Test
    void aHeadAnsweredWithItsContentIsCaught() {
        // A server that answers a HEAD as a GET, content and all: a keep-alive client would read that content as the
        // start of its next answer. The gate's HEAD probes used to stop reading at the head and never saw it.
        GateRun.Result result = gateThroughRaw(head -> head.startsWith("HEAD ") ? "GET " + head.substring(5) : head,
                "--only=listHaInstances", "--fuzz=0", "--edge=on");
        assertCaught(result, "listHaInstances", "edge_head_without_content");
    }

    private static void send(java.net.http.HttpClient http, java.net.http.HttpRequest request) {
        try {
            http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Not a broken implementation: the first backup completes between the gate's read of the group (BACKUP) and its
     * second backup request, which the implementation then rightly accepts. The gate must not fail it.
     */
    @Test
    void aBackupThatCompletesBeforeTheSecondRequestIsNoFailure() {
        java.util.concurrent.atomic.AtomicReference<String> backingUp = new java.util.concurrent.atomic.AtomicReference<>();
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                if (method.equals("POST") && path.equals("/v1.0/1234/backups") && answer.status() == 202) {
                    backingUp.compareAndSet(null, parse(requestBody).at("/backup/source/id").asText());
                }
                String group = backingUp.get();
                if (group != null && method.equals("GET") && path.equals("/v1.0/1234/ha/" + group) && answer.status() == 200
                        && backingUp.compareAndSet(group, "")) { // seen once in BACKUP, as a slower network would see it
                    com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) parse(answer.body());
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("ha_instance")).put("state", "BACKUP");
                    return new BrokenProxy.Answer(200, json.toString());
                }
                return answer;
            }
        }, "--only=createBackup", "--fuzz=0");
        assertThat(result.outcome()).as("%s", result.conformance().violations()).isEqualTo(GateRun.Outcome.PASSED);
    }

    @Test
    void anAclAddThatReplacesTheListIsCaught() {
        // An add that replaces the group's ACLs with the one address it names: the scenario checked only that the new
        // address was listed, then judged the delete against the list as the add had left it.
        java.util.Map<String, String> lastAdded = new ConcurrentHashMap<>();
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                if (!path.matches("/v1.0/1234/ha/[^/]+/acls")) {
                    return answer;
                }
                String group = path.split("/")[4];
                if (method.equals("POST") && answer.status() == 200) {
                    lastAdded.put(group, parse(requestBody).path("address").asText());
                }
                if (method.equals("GET") && answer.status() == 200 && lastAdded.containsKey(group)) {
                    com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) parse(answer.body());
                    com.fasterxml.jackson.databind.node.ArrayNode kept = JSON.createArrayNode();
                    json.path("acls").forEach(a -> {
                        if (a.path("address").asText().equals(lastAdded.get(group))) {
                            kept.add(a);
                        }
                    });
                    json.set("acls", kept);
                    return new BrokenProxy.Answer(200, json.toString());
                }
                return answer;
            }
        }, "--only=addHaAcl", "--fuzz=0");
        assertCaught(result, "addHaAcl", "documented_behaviour");
    }

    @Test
    void aVolumeResizeThatLeavesTheMembersAsTheyWereIsCaught() {
        // The group's own volume shows the new size, its nodes the old one: the document gives every member of a group
        // the same volume size, and the scenario read only the group's.
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200) {
                    com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) parse(answer.body());
                    for (String members : List.of("replica_source", "replicas")) {
                        json.at("/ha_instance/" + members).forEach(m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m.path("volume")).put("size", 1));
                    }
                    return new BrokenProxy.Answer(200, json.toString());
                }
                return answer;
            }
        }, "--only=resizeVolume", "--fuzz=0");
        assertCaught(result, "resizeVolume", "documented_behaviour");
    }

    @Test
    void aLinkToAnotherResourceIsCaught() {
        // A replica's replica_of links name the replica itself, not its source: the link resolves (200), to the wrong
        // instance, and the gate asked only that it resolve.
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (method.equals("GET") && path.matches("/v1.0/1234/ha/[^/]+") && answer.status() == 200) {
                    JsonNode json = parse(answer.body());
                    String body = answer.body();
                    for (JsonNode replica : json.at("/ha_instance/replicas")) {
                        String source = replica.at("/replica_of/id").asText();
                        for (JsonNode link : replica.at("/replica_of/links")) {
                            String href = link.path("href").asText();
                            body = body.replace("\"" + href + "\"", "\"" + href.replace(source, replica.path("id").asText()) + "\"");
                        }
                    }
                    return new BrokenProxy.Answer(200, body);
                }
                return answer;
            }
        }, "--only=showHaInstance", "--fuzz=0");
        assertCaught(result, "showHaInstance", "ensure_resource_availability");
    }

    @Test
    void anHaBackupListThatIgnoresItsLimitIsCaught() {
        // A group's backup list that ignores limit (every backup on one page, no next link): the gate paged only the
        // group list and the account's backup list.
        GateRun.Result result = gateThrough(sentOnTo("GET", "/v1.0/1234/ha/[^/]+/backups",
                uri -> uri.replaceAll("[?&]limit=[^&]*", "")), "--only=listHaBackups", "--fuzz=0");
        assertCaught(result, "listHaBackups", "documented_behaviour");
    }

    @Test
    void aBackupListedUnderEveryGroupIsCaught() {
        // A group's backup list that holds every backup of the account, whichever group it was taken of.
        GateRun.Result result = gateThrough(sentOnTo("GET", "/v1.0/1234/ha/[^/]+/backups",
                uri -> uri.replaceAll("/ha/[^/?]+/backups", "/backups")), "--only=listHaBackups", "--fuzz=0");
        assertCaught(result, "listHaBackups", "documented_behaviour");
    }

    @Test
    void aDeleteThatNeverFinishesIsChargedToTheDelete() {
        // A delete answered 202 that leaves the group DELETING for ever: the wait's end was charged to the last show of
        // the group (showHaInstance), not to the delete that never completed.
        java.util.Map<String, String> deleting = new ConcurrentHashMap<>();
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                if (!path.matches("/v1.0/1234/ha/[^/]+")) {
                    return answer;
                }
                String group = path.substring(path.lastIndexOf('/') + 1);
                if (method.equals("GET") && answer.status() == 200) {
                    deleting.putIfAbsent("last:" + group, answer.body());
                    deleting.put("last:" + group, answer.body());
                }
                if (method.equals("DELETE") && answer.status() == 202 && deleting.containsKey("last:" + group)) {
                    deleting.put(group, deleting.get("last:" + group).replaceAll("\"state\":\"[A-Z_]+\"", "\"state\":\"DELETING\""));
                }
                if (method.equals("GET") && deleting.containsKey(group)) {
                    return new BrokenProxy.Answer(200, deleting.get(group));
                }
                return answer;
            }
        }, "--only=deleteHaInstance", "--fuzz=0", "--waitSeconds=3");
        assertCaught(result, "deleteHaInstance", "documented_behaviour");
        assertThat(result.conformance().failuresOf("showHaInstance")).as("not charged to the show that waits").isEmpty();
    }

    /**
     * Not broken: answers that differ from the reference server only in ways HTTP and the document allow (a charset,
     * chunked framing, members the document does not name, the group's flavor as the seed shows it).
     */
    @Test
    void aCorrectImplementationThatDiffersInAllowedWaysPasses() {
        GateRun.Result result = gateThrough(new BrokenProxy.Breakage() {
            @Override
            public String contentType(String method, String path, String given) {
                return given == null ? null : given + "; charset=utf-8";
            }

            @Override
            public boolean chunked(String method, String path) {
                return true;
            }

            @Override
            public BrokenProxy.Answer answer(String method, String path, BrokenProxy.Answer answer) {
                JsonNode json = parse(answer.body());
                if (answer.status() < 300 && json.isObject()) {
                    json.forEach(GateCatchesBrokenImplementationsTest::withExtraField);
                    asFlavor9(json.path("ha_instance").path("flavor"));
                    // beside the resource the document names, another object with an id of its own
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json).putObject("x_trace").put("id", "trace-1");
                    return new BrokenProxy.Answer(answer.status(), json.toString());
                }
                return answer;
            }
        }, "--only=createHaInstance,showHaInstance,listHaInstances,addHaAcl,listHaAcls,createBackup,listHaBackups,resizeVolume,"
                + "resizeFlavor", "--fuzz=60", "--seed=5");
        assertThat(result.outcome()).as("%s", result.conformance().violations()).isEqualTo(GateRun.Outcome.PASSED);
    }

    /**
     * The group's flavor as the seed shows it, 9 whatever the request asked (discrepancy 9: the document does not tie
     * the group's flavor to the request; its members' flavors follow it), its links naming flavor 9.
     */
    private static void asFlavor9(JsonNode flavor) {
        if (flavor.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) flavor).put("id", 9);
            for (JsonNode link : flavor.path("links")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) link).put("href",
                        link.path("href").asText().replaceAll("/flavors/[^/]+$", "/flavors/9"));
            }
        }
    }

    private static void withExtraField(JsonNode node) {
        if (node.isObject() && !node.isEmpty()) { // an empty object is the document's EmptyLinks, closed
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("x_vendor_extension", "not in the document");
            node.forEach(GateCatchesBrokenImplementationsTest::withExtraField);
        } else if (node.isArray()) {
            node.forEach(GateCatchesBrokenImplementationsTest::withExtraField);
        }
    }

    /** A request as the proxy saw it. */
    record Seen(String method, String path, JsonNode body) {
        boolean isAction(String action) {
            return method.equals("POST") && path.endsWith("/action") && body.has(action);
        }
    }

    private static BrokenProxy.Breakage answerWhen(java.util.function.Predicate<Seen> when, BrokenProxy.Answer instead) {
        return new BrokenProxy.Breakage() {
            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                return when.test(new Seen(method, path, parse(requestBody))) ? instead : answer;
            }
        };
    }

    /** The matching requests answered 202 with nothing done: each is sent on as a read of its path. */
    private static BrokenProxy.Breakage acceptedAndIgnored(java.util.function.Predicate<Seen> when) {
        return new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, String requestBody,
                    java.net.http.HttpRequest.Builder forwarded) {
                if (when.test(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), parse(requestBody)))) {
                    forwarded.GET();
                }
            }

            @Override
            public BrokenProxy.Answer answer(String method, String path, String requestBody, BrokenProxy.Answer answer) {
                return when.test(new Seen(method, path, parse(requestBody))) && answer.status() == 200
                        ? new BrokenProxy.Answer(202, "") : answer;
            }
        };
    }

    /** Requests of one method to matching paths are sent on to another URI (the upstream URI rewritten). */
    private static BrokenProxy.Breakage sentOnTo(String method, String pathRegex, java.util.function.UnaryOperator<String> uri) {
        return new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                if (exchange.getRequestMethod().equals(method) && exchange.getRequestURI().getRawPath().matches(pathRegex)) {
                    forwarded.uri(URI.create(uri.apply(forwarded.copy().build().uri().toString())));
                }
            }
        };
    }

    /** A tenancy check missing on some paths: account 5678's requests to them are served as account 1234's. */
    private static BrokenProxy.Breakage asAccount1234(String pathRegex) {
        return new BrokenProxy.Breakage() {
            @Override
            public void request(com.sun.net.httpserver.HttpExchange exchange, java.net.http.HttpRequest.Builder forwarded) {
                if (exchange.getRequestURI().getRawPath().matches(pathRegex)) {
                    URI upstream = forwarded.copy().build().uri();
                    forwarded.uri(URI.create(upstream.toString().replace("/v1.0/5678/", "/v1.0/1234/")))
                            .setHeader("X-Auth-Token", KitServers.TOKEN);
                }
            }
        };
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    /** The list's answer with the deleted groups' last entries put back (each entry as the list once showed it). */
    private static String withGroups(String body, Set<String> deleted, java.util.Map<String, JsonNode> listed) {
        JsonNode json = parse(body);
        if (!json.path("ha_instances").isArray()) {
            return body;
        }
        for (String id : deleted) {
            JsonNode entry = listed.get(id);
            boolean shown = false;
            for (JsonNode existing : json.get("ha_instances")) {
                shown |= existing.path("id").asText().equals(id);
            }
            if (entry != null && !shown) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("ha_instances")).add(entry);
            }
        }
        return json.toString();
    }

    private static GateRun.Result gateThrough(BrokenProxy.Breakage breakage, String... options) {
        return gate(upstream -> BrokenProxy.in(upstream, breakage), withEdgeOff(options));
    }

    private static GateRun.Result gateThroughRaw(java.util.function.UnaryOperator<String> head, String... options) {
        return gate(upstream -> RawProxy.in(upstream, head), options);
    }

    /** The HTTP-level proxy re-frames every request: raw-socket probes through it would judge the proxy. */
    private static String[] withEdgeOff(String[] options) {
        String[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = "--edge=off";
        return all;
    }

    private static GateRun.Result gate(Function<URI, AutoCloseable> proxyFor, String... options) {
        return gate(proxyFor, Durations.Profile.IMMEDIATE, options);
    }

    private static GateRun.Result gate(Function<URI, AutoCloseable> proxyFor, Durations.Profile durations, String... options) {
        try (KitServers.GateServer server = KitServers.gateServer(durations)) {
            AutoCloseable proxy = proxyFor.apply(server.baseUri());
            try {
                URI uri = proxy instanceof BrokenProxy broken ? broken.uri() : ((RawProxy) proxy).uri();
                GateConfig config = server.config(uri, options);
                // Transitions are immediate here: 10 s is ample, unless a test that waits for what never comes asks less.
                Duration wait = java.util.Arrays.stream(options).anyMatch(option -> option.startsWith("--waitSeconds="))
                        ? config.waitBound() : Duration.ofSeconds(10);
                Target target = KitServers.target(config, new PollingWaiter(wait),
                        (contract, conformance) -> new RestHaApi(config, RestHaApi.documentValidator(), contract, conformance));
                GateRun.Result result = GateRun.run(target, new Timestamped(System.out));
                new Reports(result).print(System.out);
                return result;
            } finally {
                proxy.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertCaught(GateRun.Result result, String operation, String check) {
        assertThat(result.outcome()).as("the gate fails").isEqualTo(GateRun.Outcome.VIOLATED);
        assertThat(result.conformance().verdict(operation)).as(operation).isEqualTo(Verdict.FAILED);
        List<String> checks = result.conformance().failuresOf(operation).stream().map(Conformance.Failure::check).toList();
        assertThat(checks).as("the checks %s failed", operation).contains(check);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The gate's progress lines with the seconds since the run began (what each phase costs). */
    private static final class Timestamped extends java.io.PrintStream {
        private final long start = System.nanoTime();

        Timestamped(java.io.PrintStream out) {
            super(out, true);
        }

        @Override
        public void println(String line) {
            super.println(String.format("[%5.1f s] %s", (System.nanoTime() - start) / 1e9, line));
        }
    }
}
