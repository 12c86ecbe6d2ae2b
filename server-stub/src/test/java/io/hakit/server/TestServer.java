package io.hakit.server;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.openapi.HaContract;
import io.hakit.openapi.ContractValidators;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * One reference server for the whole test run, on a free port, with the documented public URL so that hrefs compare
 * with the document's. Every API answer the tests see is validated against the document.
 */
public final class TestServer {

    public static final String PUBLIC_URL = "https://ord.databases.api.rackspacecloud.com";
    public static final String ACCOUNT = "1234";
    public static final String TOKEN = "e3b2c743aebf467fb6b91cbb644c036e";
    public static final String OTHER_ACCOUNT = "5678";
    public static final String OTHER_TOKEN = "5678-token-second-account";

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HaContract CONTRACT = HaContract.load();

    private static final ReferenceServer SERVER = ReferenceServer.start(ServerConfig.defaults().withPort(0)
            .withPublicUrl(PUBLIC_URL));
    /** Strict: the reference server sends exactly the documented fields. */
    private static final ResponseValidationFilter VALIDATION = new ResponseValidationFilter(ContractValidators.strict());
    /**
     * Every answer of the control API, whoever asks, is held to openapi/emulator.yaml; a path with a trailing slash
     * is none of its paths (the validator would match it to the path without).
     */
    private static final ResponseValidationFilter CONTROL_VALIDATION = new ResponseValidationFilter(
            ContractValidators.control(), path -> path.startsWith("/_emulator/") && !path.endsWith("/"));
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private TestServer() {}

    public static ReferenceServer server() {
        return SERVER;
    }

    /** A request to the HA API as account 1234, validated against the document. */
    public static RequestSpecification api() {
        return api(TOKEN);
    }

    public static RequestSpecification api(String token) {
        RequestSpecification spec = raw().filter(VALIDATION).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("X-Auth-Token", token);
    }

    /** A request with nothing set, whose answer is validated against the document. */
    public static RequestSpecification validated() {
        return raw().filter(VALIDATION);
    }

    /** A request whose answer is not held to the HA document (one it cannot describe); the control API's still are. */
    public static RequestSpecification raw() {
        return given().config(CONFIG).baseUri(SERVER.baseUri().toString()).urlEncodingEnabled(false)
                .filter(CONTROL_VALIDATION);
    }

    public static String ha(String suffix) {
        return "/v1.0/" + ACCOUNT + "/ha" + suffix;
    }

    public static void reset() {
        control("/_emulator/reset", Map.of());
    }

    public static void resetDocumented() {
        control("/_emulator/reset", Map.of("scenario", "documented"));
    }

    public static void resetDocumented(String example) {
        control("/_emulator/reset", Map.of("scenario", "documented", "example", example));
    }

    public static void advance(double seconds) {
        control("/_emulator/clock/advance", Map.of("seconds", seconds));
    }

    public static Response control(String path, Object body) {
        Response response = raw().contentType(ContentType.JSON).body(body).post(path);
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.asString());
        }
        return response;
    }

    /** The whole world as the control API dumps it: what "nothing changed" is checked against. */
    public static JsonNode world() {
        try {
            return JSON.readTree(raw().get("/_emulator/state").asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A copy of the documented request body of that name, to vary. */
    public static com.fasterxml.jackson.databind.node.ObjectNode documentedBody(String exchange) {
        return (com.fasterxml.jackson.databind.node.ObjectNode) CONTRACT.documentedExchange(exchange).requestBody()
                .orElseThrow().deepCopy();
    }

    /** A valid create body for a new group: the documented one, on a datastore new groups may use. */
    public static com.fasterxml.jackson.databind.node.ObjectNode newGroupBody(String name) {
        var body = documentedBody("createHaInstance");
        var ha = (com.fasterxml.jackson.databind.node.ObjectNode) body.get("ha");
        ha.put("name", name);
        ha.putObject("datastore").put("type", "mysql").put("version", "5.7");
        ha.remove("configuration");
        return body;
    }

    /** Creates a group in the documented world and lets it build; answers its id. */
    public static String activeGroup(String name) {
        String id = api().body(newGroupBody(name).toString()).post(ha("")).then().statusCode(202)
                .extract().path("ha_instance.id");
        advance(1);
        return id;
    }

    /** Creates a group from {@code body} and lets it become ACTIVE; answers its id. */
    public static String build(com.fasterxml.jackson.databind.node.ObjectNode body) {
        String id = api().body(body.toString()).post(ha("")).then().statusCode(202).extract().path("ha_instance.id");
        advance(3600);
        return id;
    }

    public static JsonNode group(String id) {
        return json(api().get(ha("/" + id)).then().statusCode(200).extract().response()).get("ha_instance");
    }

    public static String state(String id) {
        return group(id).get("state").asText();
    }

    public static Response action(String id, String body) {
        return api().body(body).post(ha("/" + id + "/action"));
    }

    /** Freezes the clock: nothing completes until a test advances it. */
    public static void freeze() {
        raw().contentType(ContentType.JSON).body(Map.of("frozen", true)).put("/_emulator/clock").then().statusCode(200);
    }

    public static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
