package io.hakit.server.resources.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.server.domain.ConfigurationGroup;
import io.hakit.server.domain.Datastore;
import io.hakit.server.domain.DbInstance;
import io.hakit.server.domain.HaGroup;
import io.hakit.server.domain.HaState;
import io.hakit.server.domain.Page;
import io.hakit.server.store.AccountData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The views keep a group's rendered answer for the next equal snapshot. After any change of what a group shows, the
 * kept answer must be the one a views object that keeps nothing would render: that one is the oracle here.
 */
class GroupViewsTest {

    private static final Datastore MYSQL = new Datastore("mysql", "5.7");

    private final Links links = new Links();
    private final Views views = new Views(links);
    private final AccountData account = new AccountData("1234");
    private HaGroup group;

    @BeforeEach
    void world() {
        links.publicUrl("http://localhost:8779");
        group = new HaGroup("g-1", "1234", "ha-1", HaState.ACTIVE, MYSQL, 2, 1);
        group.sourceId("i-source");
        group.replicaIds().add("i-replica");
        group.acls().add("10.0.0.0/8");
        group.endpoints().put("servicenet", "lb.example.test");
        group.configurationId("c-1");
        account.groups().put(group.id(), group);
        account.configurations().put("c-1", new ConfigurationGroup("c-1", "1234", "tuned", "", MYSQL, Map.of()));
        member("i-source", "ACTIVE");
        member("i-replica", "ACTIVE");
    }

    private void member(String id, String status) {
        DbInstance instance = new DbInstance(id, "1234", id, id + ".example.test", status, "2", 1, MYSQL);
        instance.haId(group.id());
        account.instances().put(id, instance);
    }

    @Test
    void anUnchangedGroupIsAnsweredWithTheBytesKeptForIt() {
        byte[] first = views.groupDetails(GroupDetails.of(account, group));
        assertThat(views.groupDetails(GroupDetails.of(account, group))).isSameAs(first);
        assertThat(text(first)).isEqualTo(rendered());
    }

    @Test
    void everyChangeOfWhatAGroupShowsIsRenderedAgain() {
        List<Consumer<AccountData>> changes = List.of(
                a -> group.state(HaState.REBOOT),
                a -> a.instances().get("i-replica").status("REBOOT"),
                a -> a.instances().get("i-source").flavorId("3"),
                a -> a.instances().get("i-source").volumeSize(5),
                a -> a.instances().get("i-replica").datastore(new Datastore("mysql", "8.0")),
                a -> a.instances().get("i-replica").status("BUILD"),
                a -> a.instances().get("i-replica").status("ACTIVE"),
                a -> group.acls().add("192.168.0.1/32"),
                a -> group.endpoints().put("public", "public-lb.example.test"),
                a -> a.configurations().put("c-1",
                        new ConfigurationGroup("c-1", "1234", "renamed", "", MYSQL, Map.of())),
                a -> a.configurations().remove("c-1"),
                a -> group.configurationId(null),
                a -> group.flavorId(3),
                a -> group.volumeSize(4),
                a -> group.tenantId("5678"),
                a -> group.endpoints().put("public", "other-lb.example.test"),
                a -> group.acls().remove("10.0.0.0/8"),
                a -> group.datastore(new Datastore("mysql", "8.0")),
                a -> a.instances().get("i-replica").haId(null),
                a -> { // a failover: the replica is the source now
                    group.sourceId("i-replica");
                    group.replicaIds().set(0, "i-source");
                },
                a -> group.replicaIds().clear(),
                a -> a.instances().get("i-replica").status("BUILD"));
        String before = text(views.groupDetails(GroupDetails.of(account, group)));
        for (Consumer<AccountData> change : changes) {
            change.accept(account);
            String after = text(views.groupDetails(GroupDetails.of(account, group)));
            assertThat(after).as("after change %d", changes.indexOf(change)).isEqualTo(rendered())
                    .isNotEqualTo(before);
            before = after;
        }
    }

    @Test
    void aListPageIsRenderedAgainWhenOneOfItsGroupsChanges() {
        Page<HaGroup> page = new Page<>(List.of(group), Optional.empty());
        byte[] first = views.groupList(GroupPage.of("1234", page, 20));
        assertThat(views.groupList(GroupPage.of("1234", page, 20))).isSameAs(first);
        group.state(HaState.RESIZING_FLAVOR);
        String after = text(views.groupList(GroupPage.of("1234", page, 20)));
        assertThat(after).contains("RESIZING_FLAVOR")
                .isEqualTo(text(new Views(links).groupList(GroupPage.of("1234", page, 20))));
        Page<HaGroup> withNext = new Page<>(List.of(group), Optional.of(group.id()));
        assertThat(text(views.groupList(GroupPage.of("1234", withNext, 20)))).contains("marker=g-1");
        Page<HaGroup> last = new Page<>(List.of(group), Optional.empty());
        assertThat(text(views.groupList(GroupPage.of("1234", last, 20)))).doesNotContain("marker");
    }

    /** Equal snapshots of two accounts' groups with one id differ by their account: neither answer is the other's. */
    @Test
    void aGroupOfAnotherAccountWithTheSameIdHasItsOwnAnswer() {
        byte[] ours = views.groupDetails(GroupDetails.of(account, group));
        AccountData other = new AccountData("5678");
        HaGroup theirs = new HaGroup(group.id(), "5678", group.name(), group.state(), MYSQL, 2, 1);
        other.groups().put(theirs.id(), theirs);
        String answer = text(views.groupDetails(GroupDetails.of(other, theirs)));
        assertThat(answer).contains("/v1.0/5678/flavors/2").doesNotContain("1234").isNotEqualTo(text(ours));
    }

    /** The links of a kept answer are the server's: its public URL is set once. */
    @Test
    void thePublicUrlIsSetOnce() {
        links.publicUrl("http://localhost:8779/");
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> links.publicUrl("https://databases.example.test"));
        assertThat(text(views.groupDetails(GroupDetails.of(account, group)))).contains("http://localhost:8779/v1.0/");
    }

    /** What a views object that has kept nothing renders for the group as it is now. */
    private String rendered() {
        return text(new Views(links).groupDetails(GroupDetails.of(account, group)));
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
