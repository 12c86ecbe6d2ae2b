package io.hakit.server;

import static io.hakit.server.Refusals.assertRefused;
import static io.hakit.server.TestServer.api;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a request the document refuses is told, in a client's terms: the value (a JSON Pointer, or the parameter by
 * name) and what the document says of it, never the schema library's sentences, and never the client's own input
 * echoed at length. Found by sending every operation bad input.
 */
class ValidationMessagesTest {

    private static final String HA_1 = "/v1.0/1234/ha/e7fdf90b-7140-4edb-b449-e093d55008fb";
    /** The schema library's words (json-schema-validator), which name its notions, not the client's. */
    private static final String[] LIBRARY_WORDS = {"Instance type", "Object instance", "ECMA 262", "Numeric", "[Path",
        "required but is missing", "not allowed by the schema", "primitive type", "leads to overflow"};

    @BeforeEach
    void documentedWorld() {
        TestServer.resetDocumented();
        TestServer.freeze();
    }

    static Stream<Arguments> refusals() {
        String create = "/v1.0/1234/ha";
        return Stream.of(
                Arguments.of(request(() -> api().body("{\"ha\": {\"name\": \"x\"}}").post(create)),
                        "The request body's value at /ha lacks datastore, replica_source, replicas, which the document requires."),
                Arguments.of(request(() -> api().body(group(", \"zzz\": 1")).post(create)),
                        "The request body's value at /ha has a member the document does not define: zzz."),
                Arguments.of(request(() -> api().body("{\"ha_instance\": {\"configuration\": null}}").patch(HA_1)),
                        "The request body's value at /ha_instance/configuration is null; the document takes a string."),
                Arguments.of(request(() -> api().body("{\"address\": 5}").post(HA_1 + "/acls")),
                        "The request body's value at /address is an integer; the document takes a string."),
                Arguments.of(request(() -> api().body("{\"address\": \"bogus\"}").post(HA_1 + "/acls")),
                        "The request body's value at /address does not have the form the document gives it (the pattern ^"),
                Arguments.of(request(() -> api().body("{\"resize_volumes\": {\"size\": 400}}").post(HA_1 + "/action")),
                        "The request body's value at /resize_volumes/size is 400; the document allows at most 300."),
                Arguments.of(request(() -> api().body(group(", \"networks\": [\"servicenet\", \"servicenet\"]")).post(create)),
                        "The request body's value at /ha/networks has an item more than once; the document takes each item once."),
                Arguments.of(request(() -> api().body(group("").replaceFirst("\"replicas\": \\[.*]", "\"replicas\": []"))
                        .post(create)),
                        "The request body's value at /ha/replicas has 0 items; the document allows at least 1."),
                Arguments.of(request(() -> api().body("{\"backup\": {\"name\": \"b\", \"source\": {\"type\": \"x\", \"id\": \"y\"}}}")
                        .post("/v1.0/1234/backups")),
                        "The request body's value at /backup/source/type is not one of the documented values: ha, instance."),
                Arguments.of(request(() -> api().get(create + "?limit=")), "The query parameter limit has no value."),
                Arguments.of(request(() -> api().get(create + "?limit=0")),
                        "The query parameter limit is 0; the document allows at least 1."),
                Arguments.of(request(() -> api().get(create + "?limit=1000")),
                        "The query parameter limit is 1000; the document allows at most 100."),
                Arguments.of(request(() -> api().get(create + "?limit=99999999999999999999")),
                        "The query parameter limit is 99999999999999999999; the document allows at most 100."),
                Arguments.of(request(() -> api().get(create + "?limit=-99999999999999999999")),
                        "The query parameter limit is -99999999999999999999; the document allows at least 1."),
                Arguments.of(request(() -> api().get(create + "?colour=red")),
                        "The query parameter colour is not one this operation takes."),
                Arguments.of(request(() -> api().get(create + "?limit=1&limit=2")),
                        "The query parameter limit is given more than once; it takes one value."),
                Arguments.of(request(() -> api().body("  \n ").post(create)), "The request body is not JSON: it holds no value."),
                Arguments.of(request(() -> api().get("/v1.0/1234/flavors/+9")),
                        "The path parameter flavorId does not have the form the document gives it"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aRefusalNamesTheValueAndWhatTheDocumentSays(Supplier<Response> request, String said) {
        String message = assertRefused(400, request);

        assertThat(message).startsWith("Invalid request: " + said).doesNotContain(LIBRARY_WORDS);
    }

    /**
     * A path parameter of spaces is a value, which the document allows (a haId of 1 to 64 characters): it was
     * refused 400, "The path parameter haId is required." (the validator trims a value before it looks at it). What
     * it names is now not found (404), and a value of spaces that breaks its schema is refused for that.
     */
    @Test
    void aPathParameterOfSpacesIsAValueTheDocumentAllows() {
        String space = "%20";
        for (String path : new String[] {"/v1.0/1234/ha/" + space, "/v1.0/1234/ha/" + space + "/acls",
            "/v1.0/1234/ha/" + space + "/backups", "/v1.0/1234/backups/" + space,
            "/v1.0/1234/configurations/" + space, "/v1.0/1234/instances/" + space, "/instances/" + space}) {
            assertThat(assertRefused(404, () -> api().urlEncodingEnabled(false).get(path))).as(path)
                    .contains("\" \"").contains("could not be found");
        }
        assertRefused(404, () -> api().urlEncodingEnabled(false).body("{\"restart\": {}}")
                .post("/v1.0/1234/ha/" + space + "/action"));
        assertThat(assertRefused(400, () -> api().urlEncodingEnabled(false).get("/v1.0/1234/ha/" + space.repeat(65))))
                .isEqualTo("Invalid request: The path parameter haId is 65 characters long; the document allows at most 64.");
        assertThat(assertRefused(400, () -> api().urlEncodingEnabled(false).delete(HA_1 + "/acls/" + space)))
                .isEqualTo("Invalid request: The path parameter address is 1 characters long; the document allows at least 9.");
        assertThat(assertRefused(400, () -> api().urlEncodingEnabled(false).get("/v1.0/1234/flavors/" + space)))
                .startsWith("Invalid request: The path parameter flavorId does not have the form the document gives it");
    }

    /** A 120 KB value came back twice in a 720 KB answer: the value is not the client's to be told again. */
    @Test
    void aLongValueIsNotEchoedBack() {
        String address = "\uD83D\uDE00".repeat(30_000);
        String name = "n".repeat(65_000);

        String acl = assertRefused(400, () -> api().body("{\"address\": \"" + address + "\"}").post(HA_1 + "/acls"));
        String group = assertRefused(400, () -> api().body(group("").replace("\"name\": \"g\"", "\"name\": \"" + name + "\""))
                .post("/v1.0/1234/ha"));
        String member = assertRefused(400, () -> api().body(group(", \"" + name + "\": 1")).post("/v1.0/1234/ha"));

        assertThat(acl).hasSizeLessThan(400).doesNotContain("\uD83D\uDE00".repeat(65));
        assertThat(group).hasSizeLessThan(400).contains("65000 characters long").doesNotContain("n".repeat(65));
        assertThat(member).hasSizeLessThan(400).doesNotContain("n".repeat(65));
    }

    /**
     * An enum of numbers (the control API's fault status) came back in the library's words: "Instance value (200)
     * not found in enum (possible values: [413,500,501,503])".
     */
    @Test
    void aNumberOutsideItsEnumIsToldTheDocumentedValues() {
        String error = TestServer.raw().contentType("application/json")
                .body("{\"operation\": \"addReplica\", \"status\": 200}").post("/_emulator/faults")
                .then().statusCode(400).extract().path("error");

        assertThat(error).isEqualTo("Invalid request: The request body's value at /status is not one of the "
                + "documented values: 413, 500, 501, 503.");
    }

    private static Supplier<Response> request(Supplier<Response> request) {
        return request;
    }

    /** A create body the document accepts, with more members in "ha". */
    private static String group(String more) {
        return "{\"ha\": {\"name\": \"g\", \"datastore\": {\"type\": \"mysql\", \"version\": \"5.7\"}, "
                + "\"replica_source\": [{\"name\": \"s\", \"flavorRef\": \"2\", \"volume\": {\"size\": 1}}], "
                + "\"replicas\": [{\"name\": \"r\", \"flavorRef\": \"2\", \"volume\": {\"size\": 1}}]" + more + "}}";
    }
}
