package io.hakit.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class StringParametersTest {

    private final ParamConverter<String> converter =
            new StringParameters().getConverter(String.class, String.class, new Annotation[0]);

    @Test
    void aValueSentIsTheParameterUnchanged() {
        String sent = "e7fdf90b-7140-4edb-b449-e093d55008fb";

        assertThat(converter.fromString(sent)).isSameAs(sent);
    }

    /**
     * Jersey hands the converter null for every parameter a request leaves out, and reads the exception as "absent":
     * it must be the one the contract prescribes, and cost no walk of the stack (a list without marker or limit).
     */
    @Test
    void anAbsentParameterIsRefusedWithoutAStackTrace() {
        Throwable absent = catchThrowable(() -> converter.fromString(null));

        assertThat(absent).isInstanceOf(IllegalArgumentException.class);
        assertThat(absent.getStackTrace()).isEmpty();
    }

    @Test
    void onlyStringParametersAreConvertedHere() {
        assertThat(new StringParameters().getConverter(Integer.class, Integer.class, new Annotation[0])).isNull();
    }
}
