package io.hakit.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hakit.openapi.ContractValidators;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal keeps the latest requests, as many as openapi/emulator.yaml says, oldest first. */
class JournalTest {

    private static int documentedBound() throws Exception {
        JsonNode control = new ObjectMapper(new YAMLFactory()).readTree(
                ContractValidators.classpathText(ContractValidators.CONTROL_LOCATION));
        return control.at("/components/schemas/Journal/properties/entries/maxItems").asInt(-1);
    }

    @Test
    void keepsTheLatestOnesOldestFirst() throws Exception {
        Journal journal = new Journal();
        for (int i = 1; i <= Journal.CAPACITY + 5; i++) {
            journal.record(new Journal.Entry(Instant.EPOCH, "GET", "/" + i, null, "1234", 200));
        }

        List<Journal.Entry> entries = journal.entries();
        assertThat(Journal.CAPACITY).as("the bound openapi/emulator.yaml documents").isEqualTo(documentedBound());
        assertThat(entries).hasSize(Journal.CAPACITY);
        assertThat(entries.get(0).path()).isEqualTo("/6");
        assertThat(entries.get(entries.size() - 1).path()).isEqualTo("/" + (Journal.CAPACITY + 5));
    }
}
