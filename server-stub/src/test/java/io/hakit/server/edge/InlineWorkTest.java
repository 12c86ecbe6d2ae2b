package io.hakit.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests run on the thread that read them: what may compute long goes to a worker. */
class InlineWorkTest {

    @ParameterizedTest(name = "{0} with {1} bytes of body: inline {2}")
    @CsvSource({
        "/v1.0/1234/ha, 0, true",
        "/v1.0/1234/ha/e7fdf90b/acls, 16384, true",
        "/v1.0/1234/ha/e7fdf90b/acls, 16385, false",
        "/, 0, true",
        "/nowhere, 0, true",
        "/_emulator/state, 0, false",
        "/_emulator/reset, 20, false",
        "/_emulator, 0, false",
        "/_emulatorx, 0, true",
        "/docs, 0, false",
        "/docs/index.html, 0, false",
        "/docsx, 0, true",
        "/reference, 0, false",
        "/openapi.yaml, 0, false",
    })
    void runsInlineOnlyWhatComputesLittle(String path, long bodyBytes, boolean inline) {
        assertThat(InlineWork.fits(path, bodyBytes)).isEqualTo(inline);
    }
}
