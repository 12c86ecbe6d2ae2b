package io.hakit.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Datastore's equals and hashCode are written out (a start no longer links the record's own): they must agree. */
class DatastoreTest {

    @Test
    void equalWhenTypeAndVersionAreEqualWhateverTheTypesCase() {
        Datastore mysql = new Datastore("MySQL", "5.7");
        assertThat(mysql).isEqualTo(new Datastore("mysql", "5.7")).hasSameHashCodeAs(new Datastore("mysql", "5.7"));
        assertThat(mysql).isNotEqualTo(new Datastore("mysql", "5.6")).isNotEqualTo(new Datastore("mariadb", "5.7"))
                .isNotEqualTo(null).isNotEqualTo("mysql 5.7");
    }

    @Test
    void findsItsPeersInTheCatalogsSetsAndMaps() {
        Set<Datastore> newGroups = Set.of(new Datastore("mysql", "5.7"), new Datastore("percona", "5.7"));
        Map<Datastore, String> upgrades = Map.of(new Datastore("mariadb", "10.4"), "10.4enc");
        assertThat(newGroups).contains(new Datastore("MYSQL", "5.7")).doesNotContain(new Datastore("mysql", "8.0"));
        assertThat(upgrades.get(new Datastore("MariaDB", "10.4"))).isEqualTo("10.4enc");
    }

    /** As the record's own did: a version left out (a world file may) is compared, not a NullPointerException. */
    @Test
    void aMissingVersionIsAVersionLikeAnother() {
        Datastore noVersion = new Datastore("mysql", null);
        assertThat(noVersion).isEqualTo(new Datastore("mysql", null)).hasSameHashCodeAs(new Datastore("mysql", null))
                .isNotEqualTo(new Datastore("mysql", "5.7"));
        assertThat(new Datastore("mysql", "5.7")).isNotEqualTo(noVersion);
        assertThat(Set.of(noVersion)).contains(new Datastore("MySQL", null));
    }
}
