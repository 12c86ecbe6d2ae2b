package io.hakit.contract.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.client.HaClients;
import io.hakit.client.api.BackupsApi;
import io.hakit.client.api.ConfigurationsApi;
import io.hakit.client.api.HaAclsApi;
import io.hakit.client.api.HaActionsApi;
import io.hakit.client.api.HaInstancesApi;
import io.hakit.client.api.ReplicationApi;
import io.hakit.client.invoker.ApiClient;
import io.hakit.client.invoker.ApiException;
import io.hakit.client.invoker.ApiResponse;
import io.hakit.client.model.AclRequest;
import io.hakit.client.model.ConvertToHaAction;
import io.hakit.client.model.CreateBackupRequest;
import io.hakit.client.model.CreateHaInstanceRequest;
import io.hakit.client.model.HaActionRequest;
import io.hakit.client.model.UpdateHaInstanceRequest;
import io.hakit.contract.Conformance;
import io.hakit.contract.Exchange;
import io.hakit.contract.GateConfig;
import io.hakit.openapi.HaContract;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The HA API through the generated Java client: the same scenarios, as a client team would call it. */
public final class ClientHaApi implements HaApi {

    /** Reads request bodies into the generated models; strict, so that each action body matches one action. */
    private static final ObjectMapper READER = ApiClient.createDefaultObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String V = GateConfig.VERSION;

    private final GateConfig config;
    private final String account;
    private final String token;
    private final ApiClient client;
    private final ObjectMapper mapper;
    private final HaContract contract;
    private final Conformance conformance;

    public ClientHaApi(GateConfig config, HaContract contract, Conformance conformance) {
        this(config, config.accountId(), config.token(), contract, conformance);
    }

    private ClientHaApi(GateConfig config, String account, String token, HaContract contract, Conformance conformance) {
        this.config = config;
        this.account = account;
        this.token = token;
        this.client = HaClients.create(config.baseUrl(), token == null ? "" : token);
        this.mapper = client.getObjectMapper();
        this.contract = contract;
        this.conformance = conformance;
    }

    @Override
    public boolean sendsAnyJson() {
        return false;
    }

    @Override
    public HaApi as(String accountId, String token) {
        return new ClientHaApi(config, accountId, token, contract, conformance);
    }

    @FunctionalInterface
    private interface Call {
        ApiResponse<?> run() throws ApiException;
    }

    private Answer call(String operationId, JsonNode body, String description, Call call) {
        String operation = contract.namedOperation(operationId, body).orElse(operationId);
        try {
            ApiResponse<?> response = call.run();
            JsonNode data = response.getData() == null ? Answer.empty() : mapper.valueToTree(response.getData());
            return answer(operation, description, response.getStatusCode(), data, body);
        } catch (ApiException e) {
            return answer(operation, description, e.getCode(), faultBody(e), body);
        }
    }

    /** The answer as the client read it: the generated method called, and the bodies as JSON. */
    private Answer answer(String operation, String description, int status, JsonNode data, JsonNode body) {
        Exchange exchange = new Exchange(operation, "CALL", description, java.util.Map.of(),
                body == null ? null : body.toString(), status, java.util.Map.of(), data.isMissingNode() ? "" : data.toString());
        conformance.sent(exchange);
        return new Answer(operation, description, status, data, null, conformance, exchange);
    }

    private JsonNode faultBody(ApiException e) {
        try {
            return e.getResponseBody() == null || e.getResponseBody().isBlank() ? Answer.empty()
                    : mapper.readTree(e.getResponseBody());
        } catch (IOException notJson) {
            return mapper.getNodeFactory().textNode(e.getResponseBody());
        }
    }

    private static <T> T read(JsonNode body, Class<T> type) {
        try {
            return READER.treeToValue(body, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("the generated client cannot take this body: " + body, e);
        }
    }

    private HaInstancesApi groups() {
        return new HaInstancesApi(client);
    }

    @Override
    public Answer createGroup(JsonNode body) {
        return call("createHaInstance", body, "createHaInstance",
                () -> groups().createHaInstanceWithHttpInfo(V, account, read(body, CreateHaInstanceRequest.class)));
    }

    @Override
    public Answer listGroups() {
        return listGroups(null);
    }

    @Override
    public Answer listGroups(String marker) {
        return call("listHaInstances", null, "listHaInstances", () -> groups().listHaInstancesWithHttpInfo(V, account, null, marker));
    }

    @Override
    public Answer showGroup(String haId) {
        return call("showHaInstance", null, "showHaInstance " + haId, () -> groups().showHaInstanceWithHttpInfo(V, account, haId));
    }

    @Override
    public Answer deleteGroup(String haId) {
        return call("deleteHaInstance", null, "deleteHaInstance " + haId,
                () -> groups().deleteHaInstanceWithHttpInfo(V, account, haId));
    }

    @Override
    public Answer updateGroup(String haId, JsonNode body) {
        return call("updateHaInstance", body, "updateHaInstance " + haId,
                () -> groups().updateHaInstanceWithHttpInfo(V, account, haId, read(body, UpdateHaInstanceRequest.class)));
    }

    @Override
    public Answer addAcl(String haId, JsonNode body) {
        return call("addHaAcl", body, "addHaAcl " + haId,
                () -> new HaAclsApi(client).addHaAclWithHttpInfo(V, account, haId, read(body, AclRequest.class)));
    }

    @Override
    public Answer listAcls(String haId) {
        return call("listHaAcls", null, "listHaAcls " + haId, () -> new HaAclsApi(client).listHaAclsWithHttpInfo(V, account, haId));
    }

    /** The client encodes the parameter once more itself: it takes the wire form decoded once. */
    @Override
    public Answer deleteAcl(String haId, String encodedAddress) {
        String parameter = URLDecoder.decode(encodedAddress, StandardCharsets.UTF_8);
        return call("deleteHaAcl", null, "deleteHaAcl " + encodedAddress,
                () -> new HaAclsApi(client).deleteHaAclWithHttpInfo(V, account, haId, parameter));
    }

    @Override
    public Answer act(String haId, JsonNode body) {
        return call("actOnHaInstance", body, "actOnHaInstance " + body,
                () -> new HaActionsApi(client).actOnHaInstanceWithHttpInfo(V, account, haId, read(body, HaActionRequest.class)));
    }

    @Override
    public Answer createBackup(JsonNode body) {
        return call("createBackup", body, "createBackup",
                () -> new BackupsApi(client).createBackupWithHttpInfo(V, account, read(body, CreateBackupRequest.class)));
    }

    @Override
    public Answer showBackup(String backupId) {
        return call("showBackup", null, "showBackup " + backupId, () -> new BackupsApi(client).showBackupWithHttpInfo(V, account, backupId));
    }

    @Override
    public Answer listBackups() {
        return listBackups(null);
    }

    @Override
    public Answer listBackups(String marker) {
        return call("listBackups", null, "listBackups", () -> new BackupsApi(client).listBackupsWithHttpInfo(V, account, null, null, marker));
    }

    @Override
    public Answer listGroupBackups(String haId) {
        return call("listHaBackups", null, "listHaBackups " + haId,
                () -> new BackupsApi(client).listHaBackupsWithHttpInfo(V, account, haId, null, null));
    }

    @Override
    public Answer deleteBackup(String backupId) {
        return call("deleteBackup", null, "deleteBackup " + backupId,
                () -> new BackupsApi(client).deleteBackupWithHttpInfo(V, account, backupId));
    }

    @Override
    public Answer convertToHa(String instanceId, JsonNode body) {
        return call("actOnInstance", body, "convertToHa " + instanceId,
                () -> new ReplicationApi(client).actOnInstanceWithHttpInfo(V, account, instanceId, read(body, ConvertToHaAction.class)));
    }

    @Override
    public Answer listConfigurations() {
        return call("listConfigurations", null, "listConfigurations",
                () -> new ConfigurationsApi(client).listConfigurationsWithHttpInfo(V, account, null, null));
    }

    /**
     * A link is not an operation of the generated client: it is followed with the client's own HTTP client and
     * token, as a client team would.
     */
    @Override
    public Answer follow(String pathAndQuery) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(config.baseUrl() + pathAndQuery)).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            java.net.http.HttpResponse<String> response = client.getHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? Answer.empty() : mapper.readTree(response.body());
            return answer("GET " + pathAndQuery, "GET " + pathAndQuery, response.statusCode(), body, null);
        } catch (IOException e) {
            throw new ContractViolation("GET " + pathAndQuery + " got no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
