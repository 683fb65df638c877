package dev.foyer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcessFiguresTests {

    @Test
    void cpuSecondsByThreadKindWhenThisJvmThenEveryKindAndNoMoreThanTheWholeProcess() {
        Map<String, Double> kinds = ProcessFigures.cpuSecondsByThreadKind(ProcessFigures.self());
        double whole = ProcessFigures.cpuSeconds(ProcessFigures.self());

        assertThat(kinds).containsOnlyKeys(ProcessFigures.REQUESTS, ProcessFigures.COMPILER, ProcessFigures.GC,
                ProcessFigures.OTHER);
        assertThat(kinds.get(ProcessFigures.REQUESTS)).isZero();
        assertThat(kinds.get(ProcessFigures.OTHER)).isPositive();   // this test's own thread, at least
        // Threads that have ended took their CPU time with them; the process keeps it.
        assertThat(kinds.values().stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(whole + 0.02);
    }
}
