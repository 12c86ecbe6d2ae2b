package io.hakit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.openapi.HaContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's command line refuses mistakes, and its exit codes tell a bad invocation from an unreachable target. */
class GateMainTest {

    private static final List<String> OPERATIONS = HaContract.load().operations().stream()
            .map(HaContract.NamedOperation::name).toList();
    private static final String[] REQUIRED = {"--baseUrl=http://127.0.0.1:9", "--accountId=1234", "--token=t"};

    @Test
    void helpListsEveryOptionAndExitsZero() {
        Run run = run("--help");
        assertThat(run.code()).isZero();
        GateConfig.OPTIONS.keySet().forEach(option -> assertThat(run.out()).contains("--" + option));
        assertThat(run.out()).contains("Exit codes");
    }

    @Test
    void unknownOptionsAndTyposAreRefusedWithASuggestion() {
        assertThat(run("--baseUrl=http://x", "--accountId=1", "--token=t", "--waitSecnds=10").code()).isEqualTo(GateMain.BAD_INVOCATION);
        assertThatThrownBy(() -> GateConfig.fromArguments(args("--waitSecnds=10"), OPERATIONS))
                .hasMessageContaining("unknown option --waitSecnds").hasMessageContaining("did you mean --waitSeconds?");
        assertThatThrownBy(() -> GateConfig.fromArguments(args("positional"), OPERATIONS)).hasMessageContaining("--name=value");
    }

    @Test
    void requiredInputsAreRequired() {
        assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--baseUrl=http://x", "--token=t"}, OPERATIONS))
                .hasMessageContaining("--accountId");
        assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--accountId=1", "--token=t"}, OPERATIONS))
                .hasMessageContaining("--baseUrl");
        assertThatThrownBy(() -> GateConfig.fromArguments(new String[] {"--baseUrl=ftp://x", "--accountId=1", "--token=t"},
                OPERATIONS)).hasMessageContaining("http");
    }

    @Test
    void malformedValuesAreRefused() {
        for (String bad : List.of("--waitSeconds=soon", "--fuzz=-1", "--edge=maybe", "--require-all=yes",
                "--only=restartHaInstance,nothing", "--otherAccountId=5678")) {
            assertThatThrownBy(() -> GateConfig.fromArguments(args(bad), OPERATIONS)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void onlyAndSkipChooseOperationsByName() {
        assertThat(GateConfig.fromArguments(args("--only=restartHaInstance,addHaAcl"), OPERATIONS).selected())
                .containsExactlyInAnyOrder("restartHaInstance", "addHaAcl");
        assertThat(GateConfig.fromArguments(args("--skip=convertToHa"), OPERATIONS).selected())
                .hasSize(OPERATIONS.size() - 1).doesNotContain("convertToHa");
        assertThat(GateConfig.fromArguments(args("--require-all"), OPERATIONS).requireAll()).isTrue();
        assertThat(GateConfig.fromArguments(args("--seed=42"), OPERATIONS).seed()).isEqualTo(42);
    }

    @Test
    void anUnreachableTargetExitsThreeNotOne() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens once it is closed
        }
        Run run = run("--baseUrl=http://127.0.0.1:" + closed, "--accountId=1234", "--token=secret-token-value",
                "--requestTimeoutSeconds=2");
        assertThat(run.code()).isEqualTo(GateMain.UNREACHABLE);
        assertThat(run.out()).contains("cannot be reached").doesNotContain("secret-token-value");
    }

    private static String[] args(String... extra) {
        String[] all = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + extra.length);
        System.arraycopy(extra, 0, all, REQUIRED.length, extra.length);
        return all;
    }

    private record Run(int code, String out) {}

    private static synchronized Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return new Run(GateMain.run(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
