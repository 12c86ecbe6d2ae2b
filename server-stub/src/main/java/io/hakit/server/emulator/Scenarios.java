package io.hakit.server.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hakit.openapi.HaContract;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.World;
import io.hakit.server.store.AccountData;
import io.hakit.server.store.WorldFile;
import io.hakit.server.store.WorldFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The worlds a reset loads. {@code documented} is the world the HA document's examples presuppose
 * (worlds/documented.json). Where two examples cannot hold in one world, the example's own world is the documented
 * one changed as that example needs (docs/seed-discrepancies.md lists each case).
 */
public final class Scenarios {

    public static final String EMPTY = "empty";
    public static final String DOCUMENTED = "documented";
    /** The account of the documented world, and so of every example's world. */
    public static final String EXAMPLES_ACCOUNT = "1234";

    private static final String HA_1 = "e7fdf90b-7140-4edb-b449-e093d55008fb";
    private static final String HA_RESTART = "3a493f8c-9b9c-4ca1-845b-e3689abb1f5c";
    private static final String CONFIGURATION_1 = "bbbcdf40-e4cc-423d-8e4b-1f0c7190dac4";
    /** The remove-replica example's replica: not the one the details example shows, and not a well-formed UUID. */
    private static final String SECOND_REPLICA = "130922a2-b9ab-4e95-86be-9c5d79171b5";

    /** What each example needs beyond the documented world, by documented exchange name. */
    private static final Map<String, Consumer<AccountData>> EXAMPLE_WORLDS = Map.of(
            "removeReplica", account -> addSecondReplica(account),
            "listHaAcls", account -> group(account, HA_1).acls().add("1.2.3.4/32"),
            "deleteHaAcl", account -> group(account, HA_1).acls().add("1.2.3.4/32"),
            "showHaInstanceWithConfiguration", account -> group(account, HA_1).configurationId(CONFIGURATION_1),
            "detachConfiguration", account -> group(account, HA_RESTART).configurationId(CONFIGURATION_1));

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Set<String> documentedExamples;

    public Scenarios(HaContract contract) {
        this.documentedExamples = contract.documentedExchanges().stream().map(HaContract.DocumentedExchange::name)
                .collect(Collectors.toSet());
    }

    public boolean knowsExample(String example) {
        return documentedExamples.contains(example);
    }

    /** Call inside the world's lock. */
    public void load(World world, String scenario, Optional<String> example, Optional<String> account) {
        switch (scenario) {
            case EMPTY -> WorldFiles.load(world, new WorldFile(1L, false, java.util.List.of()), account);
            case DOCUMENTED -> {
                WorldFiles.load(world, documentedWorld(), account);
                example.map(EXAMPLE_WORLDS::get).ifPresent(change -> change.accept(world.account(EXAMPLES_ACCOUNT)));
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    private static WorldFile documentedWorld() {
        try (InputStream in = Scenarios.class.getResourceAsStream("/worlds/documented.json")) {
            return JSON.readValue(in, WorldFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HaGroup group(AccountData account, String id) {
        return account.groups().get(id);
    }

    private static void addSecondReplica(AccountData account) {
        HaGroup group = group(account, HA_1);
        var source = account.instances().get(group.sourceId());
        var replica = new io.hakit.server.domain.DbInstance(SECOND_REPLICA, account.id(), "source_replica2",
                "b8d1f0c3a5e7294b6d8f0a2c4e6b8d0f2a4c6e81.ord.rackspaceclouddb.com", "ACTIVE", source.flavorId(),
                source.volumeSize(), source.datastore());
        replica.haId(group.id());
        replica.replicaOf(source.id());
        account.instances().put(replica.id(), replica);
        group.replicaIds().add(replica.id());
    }
}
