package io.hakit.server.emulator;

import static io.hakit.server.domain.DomainException.shown;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.server.domain.Echoes;
import io.hakit.server.http.ValidationMessages;
import io.hakit.server.resources.views.Views;
import io.hakit.server.store.WorldFile;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The values of a world file that answers show, held to what the HA document says of them in answers, before
 * anything is loaded: every id (a path parameter), a group's name, ACLs, volume and datastore, a member's status, a
 * backup's source type and dates, how many ACLs and replicas a group or an instance has, and so on ({@link #FIELDS}). Loaded unchecked, such a value came back in every
 * answer that showed it and broke the contract the server is the reference of: a group named "", an ACL "nosuch", a
 * volume of 1,234 GB, a backup's source type "nosuch" or its date in the year 33658 were all loaded (200) and shown.
 *
 * <p>The rule for each value is the document's schema, read from it (nothing is copied here), and judged by the
 * validator that judges requests: each field's distinct values go to it in arrays of {@link #CHUNK}, and the first
 * that fails ends the check (one array of every value had the validator report each of 100,000 bad ACLs, and ran
 * a 128 MB heap out). Validating every show answer of a world instead took a load of 10,000 groups from 1.1 s to
 * 12-70 s; this way it takes about 2 s, and it runs before the world's lock is taken.
 */
public final class WorldValuesAsDocumented {

    /** A value of a world file, with the thing that holds it (its account, kind and id), for the message. */
    private record Value(String account, String kind, String id, Object value) {}

    /**
     * A field of the world file and the schema in the HA document (a JSON Pointer into the bundled document) that
     * its values must meet, as answers show them; for a field that is a {@link #count}, only the array's bounds.
     */
    private record Field(String name, String schema, Function<WorldFile.Account, Stream<Value>> values, boolean count) {

        Field(String name, String schema, Function<WorldFile.Account, Stream<Value>> values) {
            this(name, schema, values, false);
        }
    }

    /** Values are validated this many at a time, and the first that fails ends the check: memory stays bounded. */
    private static final int CHUNK = 500;

    private static final List<Field> FIELDS = List.of(
            new Field("id", "/components/parameters/accountId/schema",
                    a -> Stream.of(new Value(a.id(), "account", a.id(), a.id()))),
            groups("id", "/components/parameters/haId/schema", g -> Stream.of(g.id())),
            groups("name", "/components/schemas/HaName", g -> Stream.of(g.name())),
            groups("volume", "/components/schemas/Volume/properties/size", g -> Stream.of(g.volume())),
            groups("acls", "/components/schemas/Cidr", g -> list(g.acls()).stream()),
            count(groups("ACLs", "/components/schemas/HaInstance/properties/acls",
                    g -> Stream.of(items(list(g.acls()).size())))),
            count(groups("replicas", "/components/schemas/HaInstance/properties/replicas",
                    g -> Stream.of(items(list(g.replicaIds()).size())))),
            groups("datastore's type", "/components/schemas/Datastore/properties/type",
                    g -> Stream.of(g.datastore() == null ? null : g.datastore().type())),
            groups("datastore's version", "/components/schemas/Datastore/properties/version",
                    g -> Stream.of(g.datastore() == null ? null : g.datastore().version())),
            groups("endpoints' networks", "/components/schemas/NetworkName",
                    g -> map(g.endpoints()).keySet().stream()),
            groups("endpoints' addresses", "/components/schemas/NetworkEndpoint/properties/address",
                    g -> map(g.endpoints()).values().stream()),
            instances("id", "/components/parameters/memberInstanceId/schema", i -> Stream.of(i.id())),
            instances("name", "/components/schemas/Instance/properties/name", i -> Stream.of(i.name())),
            instances("status", "/components/schemas/MemberStatus",
                    i -> i.status() == null ? Stream.empty() : Stream.of(i.status())), // none is ACTIVE
            instances("volume", "/components/schemas/Volume/properties/size", i -> Stream.of(i.volume())),
            new Field("replicas", "/components/schemas/Instance/properties/replicas",
                    WorldValuesAsDocumented::replicasOfInstances, true),
            instances("datastore's type", "/components/schemas/Datastore/properties/type",
                    i -> Stream.of(i.datastore() == null ? null : i.datastore().type())),
            instances("datastore's version", "/components/schemas/Datastore/properties/version",
                    i -> Stream.of(i.datastore() == null ? null : i.datastore().version())),
            backups("id", "/components/parameters/backupId/schema", b -> Stream.of(b.id())),
            backups("name", "/components/schemas/Backup/properties/name", b -> Stream.of(b.name())),
            backups("sourceType", "/components/schemas/BackupSource/properties/type", b -> Stream.of(b.sourceType())),
            backups("datastore's type", "/components/schemas/BackupDatastore/properties/type",
                    b -> Stream.of(b.datastore() == null ? null : b.datastore().type())),
            backups("datastore's version", "/components/schemas/BackupDatastore/properties/version",
                    b -> Stream.of(b.datastore() == null ? null : b.datastore().version())),
            backups("created and updated dates", "/components/schemas/Timestamp",
                    b -> Stream.of(b.created(), b.updated()).filter(Objects::nonNull).map(WorldValuesAsDocumented::asAnswered)),
            configurations("id", "/components/parameters/configurationId/schema", c -> Stream.of(c.id())),
            configurations("name", "/components/schemas/ConfigurationGroup/properties/name", c -> Stream.of(c.name())),
            configurations("datastore's type", "/components/schemas/ConfigurationGroup/properties/datastore_name",
                    c -> Stream.of(c.datastore() == null ? null : c.datastore().type())),
            configurations("datastore's version",
                    "/components/schemas/ConfigurationGroup/properties/datastore_version_name",
                    c -> Stream.of(c.datastore() == null ? null : c.datastore().version())));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaValidator validator;

    /** @param document the bundled HA document */
    public WorldValuesAsDocumented(JsonNode document) {
        this.document = document;
        // the schemas checked hold no reference, so the validator needs no document model to resolve one in
        this.validator = new SchemaValidator(new OpenAPI().components(new Components()),
                new MessageResolver(LevelResolver.create().build()));
    }

    /**
     * @param onlyAccount the one account of the file to be loaded, if not all of them (the others are not read)
     * @throws IllegalArgumentException naming the first value, of the first field in {@link #FIELDS} that has one,
     *     that the document does not allow, and why
     */
    public void check(WorldFile file, Optional<String> onlyAccount) {
        List<WorldFile.Account> accounts = list(file.accounts()).stream().filter(Objects::nonNull)
                .filter(a -> onlyAccount.map(id -> id.equals(a.id())).orElse(true)).toList();
        for (Field field : FIELDS) {
            List<Value> values = distinct(accounts.stream().flatMap(field.values()));
            Schema<?> each = schema(field);
            for (int from = 0; from < values.size(); from += CHUNK) {
                List<Value> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
                ValidationReport report = validator.validate(json(chunk), new ArraySchema().items(each), "world");
                report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).findFirst()
                        .ifPresent(problem -> {
                            Value value = chunk.get(index(problem));
                            throw new IllegalArgumentException("account " + shown(value.account()) + ": "
                                    + value.kind() + " " + shown(value.id()) + "'s " + field.name()
                                    + ", held to the HA document's " + field.schema() + ": "
                                    + ValidationMessages.described(quoted(value.value()), problem));
                        });
            }
        }
    }

    private Schema<?> schema(Field field) {
        JsonNode schema = document.at(field.schema());
        if (schema.isMissingNode()) {
            throw new IllegalStateException("the HA document has no " + field.schema());
        }
        if (field.count()) { // the bounds of the answer's array; its items are checked as values of their own
            ArraySchema bounds = new ArraySchema();
            if (schema.has("minItems")) {
                bounds.minItems(schema.get("minItems").asInt());
            }
            if (schema.has("maxItems")) {
                bounds.maxItems(schema.get("maxItems").asInt());
            }
            return bounds;
        }
        return Json.mapper().convertValue(schema, Schema.class);
    }

    private static Field count(Field field) {
        return new Field(field.name(), field.schema(), field.values(), true);
    }

    /** An array of {@code n} items, for a field that is a count ({@link Field#count}). */
    private static List<Integer> items(int n) {
        return java.util.Collections.nCopies(n, 0);
    }

    /** Each standalone instance's replicas (the instances that name it their source), as its answer lists them. */
    private static Stream<Value> replicasOfInstances(WorldFile.Account account) {
        Map<String, Long> replicas = list(account.instances()).stream().filter(Objects::nonNull)
                .filter(i -> i.replicaOf() != null)
                .collect(java.util.stream.Collectors.groupingBy(WorldFile.Instance::replicaOf,
                        java.util.stream.Collectors.counting()));
        return list(account.instances()).stream().filter(i -> i != null && replicas.containsKey(i.id()))
                .map(i -> new Value(account.id(), "instance", i.id(), items(replicas.get(i.id()).intValue())));
    }

    /** A date as an answer writes it; one the answers cannot write at all, as Java does (no Timestamp either). */
    private static String asAnswered(java.time.Instant date) {
        try {
            return Views.time(date);
        } catch (java.time.DateTimeException beyondTheFormat) {
            return date.toString();
        }
    }

    /** Each value once, with the first thing that holds it: most repeat (datastores, ACLs, volumes, statuses). */
    private static List<Value> distinct(Stream<Value> values) {
        Map<Object, Value> first = new LinkedHashMap<>(); // null is a value too
        values.forEach(v -> first.putIfAbsent(v.value(), v));
        return List.copyOf(first.values());
    }

    /**
     * What a sentence about the value calls it: a string itself, bounded as every echo of a client's is; anything
     * else "it" (the sentence gives a number's value, and a count's).
     */
    private static String quoted(Object value) {
        return value instanceof String text ? "\"" + Echoes.bounded(text) + "\"" : "it";
    }

    private static String json(List<Value> values) {
        try {
            return JSON.writeValueAsString(values.stream().map(Value::value).toList());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The array index the message's pointer starts with ("/17" or "/17/..."). */
    private static int index(ValidationReport.Message message) {
        String pointer = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("/0");
        String first = pointer.substring(1).split("/", 2)[0];
        return first.isEmpty() ? 0 : Integer.parseInt(first);
    }

    private static Field groups(String name, String schema, Function<WorldFile.Group, Stream<?>> values) {
        return new Field(name, schema, a -> list(a.haInstances()).stream().filter(Objects::nonNull)
                .flatMap(g -> values.apply(g).map(v -> new Value(a.id(), "group", g.id(), v))));
    }

    private static Field instances(String name, String schema, Function<WorldFile.Instance, Stream<?>> values) {
        return new Field(name, schema, a -> list(a.instances()).stream().filter(Objects::nonNull)
                .flatMap(i -> values.apply(i).map(v -> new Value(a.id(), "instance", i.id(), v))));
    }

    private static Field backups(String name, String schema, Function<WorldFile.Backup, Stream<?>> values) {
        return new Field(name, schema, a -> list(a.backups()).stream().filter(Objects::nonNull)
                .flatMap(b -> values.apply(b).map(v -> new Value(a.id(), "backup", b.id(), v))));
    }

    private static Field configurations(String name, String schema,
            Function<WorldFile.Configuration, Stream<?>> values) {
        return new Field(name, schema, a -> list(a.configurations()).stream().filter(Objects::nonNull)
                .flatMap(c -> values.apply(c).map(v -> new Value(a.id(), "configuration", c.id(), v))));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
