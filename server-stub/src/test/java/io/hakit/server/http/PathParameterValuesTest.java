package io.hakit.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.openapi.HaContract;
import org.junit.jupiter.api.Test;

/** A path parameter's value judged alone by the document's schema for it, as the validator judges it in a request. */
class PathParameterValuesTest {

    private final PathParameterValues values = new PathParameterValues(SharedPathParameters.of(HaContract.load()));

    @Test
    void valuesTheSchemaAllowsAreAccepted() {
        assertThat(values.accepts("haId", "0b4e2b8f-1c7d-4c3e-9a0e-5e1f2d3c4b5a")).isTrue();
        assertThat(values.accepts("haId", "x".repeat(64))).isTrue();
        assertThat(values.accepts("flavorId", "2")).isTrue();
        assertThat(values.accepts("version", "v1.0")).isTrue();
    }

    @Test
    void valuesTheSchemaRefusesAreNot() {
        assertThat(values.accepts("haId", "x".repeat(65))).as("maxLength").isFalse();
        assertThat(values.accepts("flavorId", "2a")).as("pattern").isFalse();
        assertThat(values.accepts("version", "v2.0")).as("enum").isFalse();
    }

    @Test
    void escapedValuesAndUnknownParametersAreLeftToTheValidator() {
        assertThat(values.accepts("haId", "a%2Fb")).isFalse();
        assertThat(values.accepts("haId", "a+b")).isFalse();
        assertThat(values.accepts("noSuchParameter", "a")).isFalse();
    }
}
