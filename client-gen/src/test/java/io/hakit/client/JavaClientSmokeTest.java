package io.hakit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.client.api.HaActionsApi;
import io.hakit.client.api.HaAclsApi;
import io.hakit.client.api.HaInstancesApi;
import io.hakit.client.model.AclRequest;
import io.hakit.client.model.CreateHaInstanceRequest;
import io.hakit.client.model.HaActionRequest;
import io.hakit.client.model.HaInstance;
import io.hakit.client.model.HaState;
import io.hakit.client.model.UpgradeStarted;
import io.hakit.client.model.UpgradeTarget;
import io.hakit.openapi.HaContract;
import io.hakit.server.ReferenceServer;
import io.hakit.server.ServerConfig;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated Java client against the reference server: a few operations, and faults as typed errors. */
class JavaClientSmokeTest {

    private static final String V = HaClients.VERSION;
    private static final String ACCOUNT = "1234";
    private static final String HA_1 = "e7fdf90b-7140-4edb-b449-e093d55008fb";

    private static ReferenceServer server;
    private static HaInstancesApi groups;
    private static HaActionsApi actions;
    private static HaAclsApi acls;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start(ServerConfig.defaults().withPort(0));
        var client = HaClients.create(server.baseUri(), "e3b2c743aebf467fb6b91cbb644c036e");
        groups = new HaInstancesApi(client);
        actions = new HaActionsApi(client);
        acls = new HaAclsApi(client);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void documentedWorld() {
        ControlClient.of(server).reset("documented");
    }

    @Test
    void listsShowsCreatesAndActs() throws Exception {
        assertThat(groups.listHaInstances(V, ACCOUNT, null, null).getHaInstances()).anySatisfy(g -> assertThat(g.getId()).isEqualTo(HA_1));
        HaInstance ha1 = groups.showHaInstance(V, ACCOUNT, HA_1).getHaInstance();
        assertThat(ha1.getState()).isEqualTo(HaState.ACTIVE);
        assertThat(ha1.getReplicas()).hasSize(1);

        CreateHaInstanceRequest create = ApiJson.read(HaContract.load().documentedExchange("createHaInstance")
                .requestBody().orElseThrow(), CreateHaInstanceRequest.class);
        HaInstance created = groups.createHaInstance(V, ACCOUNT, create).getHaInstance();
        assertThat(created.getState()).isEqualTo(HaState.BUILD);
        assertThat(created.getName()).isEqualTo("ha-1");

        assertThat(actions.actOnHaInstance(V, ACCOUNT, HA_1, new HaActionRequest().restart(Map.of())))
                .as("restart answers 202 with no body").isNull();
        assertThat(groups.showHaInstance(V, ACCOUNT, HA_1).getHaInstance().getState()).isEqualTo(HaState.REBOOT);

        UpgradeStarted upgrade = actions.actOnHaInstance(V, ACCOUNT, "67a59adb-d678-4092-b9a9-8cbe4ca39b4b",
                new HaActionRequest().upgrade(new UpgradeTarget().datastoreType("mysql").datastoreVersion("5.7"))).getHaInstance();
        assertThat(upgrade.getState()).isEqualTo(HaState.UPGRADING);
        acls.addHaAcl(V, ACCOUNT, HA_1, new AclRequest().address("10.1.2.3/32"));
        assertThat(acls.listHaAcls(V, ACCOUNT, HA_1).getAcls()).anySatisfy(a -> assertThat(a.getAddress()).isEqualTo("10.1.2.3/32"));
    }

    @Test
    void faultsAreTypedErrors() {
        assertThatThrownBy(() -> HaFault.call(() -> groups.showHaInstance(V, ACCOUNT, "no-such-group")))
                .isInstanceOfSatisfying(HaFault.class, fault -> {
                    assertThat(fault.faultName()).isEqualTo("itemNotFound");
                    assertThat(fault.code()).isEqualTo(404);
                    assertThat(fault.faultMessage()).contains("no-such-group");
                });
        HaInstancesApi stranger = new HaInstancesApi(HaClients.create(server.baseUri(), "not-a-token"));
        assertThatThrownBy(() -> HaFault.call(() -> stranger.listHaInstances(V, ACCOUNT, null, null)))
                .isInstanceOfSatisfying(HaFault.class, fault -> assertThat(fault.faultName()).isEqualTo("unauthorized"));
        assertThatThrownBy(() -> HaFault.call(() -> groups.listHaInstances(V, "5678", null, null)))
                .isInstanceOfSatisfying(HaFault.class, fault -> assertThat(fault.code()).isEqualTo(403));
    }

    /** Reads documented JSON into a generated model with the client's own mapper. */
    static final class ApiJson {
        static <T> T read(com.fasterxml.jackson.databind.JsonNode json, Class<T> type) throws Exception {
            return io.hakit.client.invoker.ApiClient.createDefaultObjectMapper().treeToValue(json, type);
        }
    }
}
