package io.hakit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void extraKeysAndElementsInTheAnswerAreFine() throws Exception {
        assertThat(Containment.differences(json("{\"a\":1,\"l\":[{\"x\":1}]}"),
                json("{\"a\":1,\"b\":2,\"l\":[{\"x\":2},{\"x\":1,\"y\":0}]}"), Set.of())).isEmpty();
    }

    @Test
    void aMissingKeyADifferentValueOrAMissingElementIsReported() throws Exception {
        assertThat(Containment.differences(json("{\"a\":1}"), json("{\"b\":1}"), Set.of())).containsExactly("/a: missing (documented 1)");
        assertThat(Containment.differences(json("{\"a\":\"9\"}"), json("{\"a\":9}"), Set.of())).hasSize(1);
        assertThat(Containment.differences(json("{\"l\":[1,2]}"), json("{\"l\":[2]}"), Set.of())).hasSize(1);
        assertThat(Containment.differences(json("{\"o\":{}}"), json("{\"o\":[]}"), Set.of())).hasSize(1);
    }

    @Test
    void skippedPointersAreNotCompared() throws Exception {
        assertThat(Containment.differences(json("{\"h\":{\"id\":\"a\",\"n\":1}}"), json("{\"h\":{\"id\":\"b\",\"n\":1}}"),
                Set.of("/h/id"))).isEmpty();
    }
}
