package dev.foyer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTests {

    private static final MachineLimits.Limit ARGON2_AT_START = new MachineLimits.Limit(80, 400, 5, 2, 25);
    private static final MachineLimits.Limit RS256_AT_START = new MachineLimits.Limit(2000, 10_000, 5, 2, 1.0);

    @Test
    void scenariosWhenLimitMeasuredAfterTheScenarioThenRatiosAreTakenAgainstIt() {
        MachineLimits.Limit slowerLater = new MachineLimits.Limit(60, 300, 5, 2, 33);

        Map<String, Object> signIn = Report.scenarios(List.of(result("password_sign_in", 50, 40)), ARGON2_AT_START,
                RS256_AT_START, Map.of("password_sign_in", slowerLater), 2, 1).get(0);

        assertThat((double) signIn.get("limitPerSecond")).isEqualTo(60);
        assertThat((double) signIn.get("ratioToLimit")).isCloseTo(50.0 / 60, within(1e-9));
        assertThat((double) signIn.get("cpuRatioToLimit")).isCloseTo(33.0 / 40, within(1e-9));
        assertThat(signIn.get("limitMeasuredAfterScenario"))
                .isEqualTo(Map.of("perSecond", 60.0, "cpuMsPerOperation", 33.0));
    }

    @Test
    void scenariosWhenNoLimitMeasuredAfterThenTheStartOnesPerSignatureOfAGrant() {
        Map<String, Object> refresh = Report.scenarios(List.of(result("refresh", 800, 2.5)), ARGON2_AT_START,
                RS256_AT_START, Map.of(), 2, 1).get(0);

        assertThat((double) refresh.get("limitPerSecond")).isEqualTo(1000);
        assertThat((double) refresh.get("ratioToLimit")).isCloseTo(0.8, within(1e-9));
        assertThat((double) refresh.get("cpuRatioToLimit")).isCloseTo(2.0 / 2.5, within(1e-9));
        assertThat(refresh).doesNotContainKey("limitMeasuredAfterScenario");
    }

    private static LoadRun.Result result(String scenario, double perSecond, double serverCpuMsPerOperation) {
        long operations = Math.round(perSecond * 10);
        return new LoadRun.Result(scenario, 8, 10, operations, 0, List.of(), 1, 2, 3,
                serverCpuMsPerOperation * operations / 1000, 0.1,
                Map.of(ProcessFigures.REQUESTS, 1.0, ProcessFigures.COMPILER, 0.0, ProcessFigures.GC, 0.0,
                        ProcessFigures.OTHER, 0.0),
                new ServerProcess.PasswordHashing(0, 0));
    }
}
