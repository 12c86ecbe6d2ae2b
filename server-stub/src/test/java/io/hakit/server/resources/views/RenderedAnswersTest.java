package io.hakit.server.resources.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedAnswersTest {

    private final RenderedAnswers answers = new RenderedAnswers();
    private final AtomicInteger renders = new AtomicInteger();

    private byte[] answer(int hash, String inputs) {
        return answers.json(hash, inputs, () -> {
            renders.incrementAndGet();
            return JsonNodeFactory.instance.objectNode().put("inputs", inputs);
        });
    }

    @Test
    void rendersOnceForEqualInputsAndAgainForOthers() {
        byte[] first = answer(1, "a");
        assertThat(answer(1, new String("a"))).isSameAs(first);
        assertThat(renders).hasValue(1);
        assertThat(text(answer(1, "b"))).isEqualTo("{\"inputs\":\"b\"}");
        assertThat(renders).hasValue(2);
    }

    /** Two answers whose hashes fall in one slot take turns in it; neither is ever answered for the other. */
    @Test
    void answersSharingASlotNeverStandInForEachOther() {
        for (int round = 0; round < 3; round++) {
            assertThat(text(answer(7, "a"))).isEqualTo("{\"inputs\":\"a\"}");
            assertThat(text(answer(7 + 256, "b"))).isEqualTo("{\"inputs\":\"b\"}");
        }
        assertThat(renders).hasValue(6);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
