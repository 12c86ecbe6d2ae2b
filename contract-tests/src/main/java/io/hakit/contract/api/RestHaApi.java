package io.hakit.contract.api;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.contract.Conformance;
import io.hakit.contract.GateConfig;
import io.hakit.openapi.ContractValidators;
import io.hakit.openapi.HaContract;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HA API over plain HTTP (REST Assured). Every answer is validated against the document; an answer outside it
 * is a violation of its operation, whatever the scenario expected.
 */
public final class RestHaApi implements HaApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private final GateConfig config;
    private final String accountId;
    private final String token;
    private final OpenApiInteractionValidator validator;
    private final OperationNamer namer;
    private final Conformance conformance;

    public RestHaApi(GateConfig config, OpenApiInteractionValidator validator, HaContract contract, Conformance conformance) {
        this(config, config.accountId(), config.token(), validator, new OperationNamer(contract), conformance);
    }

    private RestHaApi(GateConfig config, String accountId, String token, OpenApiInteractionValidator validator,
            OperationNamer namer, Conformance conformance) {
        this.config = config;
        this.accountId = accountId;
        this.token = token;
        this.validator = validator;
        this.namer = namer;
        this.conformance = conformance;
    }

    /** Judges answers as the document says (open response objects); the kit's own suites use the strict one. */
    public static OpenApiInteractionValidator documentValidator() {
        return ContractValidators.asDocumented();
    }

    @Override
    public boolean sendsAnyJson() {
        return true;
    }

    @Override
    public HaApi as(String otherAccount, String otherToken) {
        return new RestHaApi(config, otherAccount, otherToken, validator, namer, conformance);
    }

    private String path(String suffix) {
        return "/" + GateConfig.VERSION + "/" + accountId + suffix;
    }

    private Answer send(String method, String path, JsonNode body) {
        RequestSpecification request = given().config(CONFIG).baseUri(config.baseUrl().toString())
                .urlEncodingEnabled(false).header("Accept", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (body != null) {
            request.contentType("application/json").body(body.toString());
        }
        Response response = request.request(method, path);
        String operation = namer.name(method, path.replaceFirst("\\?.*$", ""), body);
        String text = response.asString();
        validate(operation, method, path, response, text);
        return new Answer(operation, method + " " + path, response.statusCode(), parse(text),
                response.header("Retry-After"), conformance);
    }

    private void validate(String operation, String method, String path, Response response, String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(h -> headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue()));
        ValidationReport report = ContractValidators.validateResponse(validator, method, path.replaceFirst("\\?.*$", ""), response.statusCode(),
                headers, text);
        if (report.hasErrors()) {
            String what = method + " " + path + " answered " + response.statusCode() + " outside the document: "
                    + report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(ValidationReport.Message::getMessage).distinct().limit(3).collect(Collectors.joining("; "));
            conformance.violated(operation, what);
            throw new AssertionError(what);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return Answer.empty();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    @Override
    public Answer createGroup(JsonNode body) {
        return send("POST", path("/ha"), body);
    }

    @Override
    public Answer listGroups() {
        return send("GET", path("/ha"), null);
    }

    @Override
    public Answer listGroups(String marker) {
        return send("GET", path("/ha?marker=" + marker), null);
    }

    @Override
    public Answer showGroup(String haId) {
        return send("GET", path("/ha/" + haId), null);
    }

    @Override
    public Answer deleteGroup(String haId) {
        return send("DELETE", path("/ha/" + haId), null);
    }

    @Override
    public Answer updateGroup(String haId, JsonNode body) {
        return send("PATCH", path("/ha/" + haId), body);
    }

    @Override
    public Answer addAcl(String haId, JsonNode body) {
        return send("POST", path("/ha/" + haId + "/acls"), body);
    }

    @Override
    public Answer listAcls(String haId) {
        return send("GET", path("/ha/" + haId + "/acls"), null);
    }

    @Override
    public Answer deleteAcl(String haId, String encodedAddress) {
        return send("DELETE", path("/ha/" + haId + "/acls/" + encodedAddress), null);
    }

    @Override
    public Answer act(String haId, JsonNode body) {
        return send("POST", path("/ha/" + haId + "/action"), body);
    }

    @Override
    public Answer createBackup(JsonNode body) {
        return send("POST", path("/backups"), body);
    }

    @Override
    public Answer showBackup(String backupId) {
        return send("GET", path("/backups/" + backupId), null);
    }

    @Override
    public Answer listBackups() {
        return send("GET", path("/backups"), null);
    }

    @Override
    public Answer listBackups(String marker) {
        return send("GET", path("/backups?marker=" + marker), null);
    }

    @Override
    public Answer listGroupBackups(String haId) {
        return send("GET", path("/ha/" + haId + "/backups"), null);
    }

    @Override
    public Answer deleteBackup(String backupId) {
        return send("DELETE", path("/backups/" + backupId), null);
    }

    @Override
    public Answer convertToHa(String instanceId, JsonNode body) {
        return send("POST", path("/instances/" + instanceId + "/action"), body);
    }

    @Override
    public Answer listConfigurations() {
        return send("GET", path("/configurations"), null);
    }
}
