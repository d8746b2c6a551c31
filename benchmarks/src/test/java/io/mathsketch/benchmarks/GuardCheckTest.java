package io.mathsketch.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardCheckTest {

    private static GuardBaseline run(double canvas, double batch1, double spread) {
        Map<String, GuardRun.Measurement> m = new LinkedHashMap<>();
        m.put("preprocess.hand-canvas", new GuardRun.Measurement(canvas, spread, 100_000));
        m.put("inference.batch1", new GuardRun.Measurement(batch1, spread, 50_000));
        return GuardBaseline.of(m, 0.25, "test");
    }

    private static GuardBaseline baseline() {
        return run(5.0, 2.0, 0.02);
    }

    @Test
    void passesAnUnchangedRun() {
        GuardCheck.Report report = GuardCheck.compare(baseline(), run(5.0, 2.0, 0.03));

        assertTrue(report.passed(), report.format());
        assertEquals(2, report.verdicts().size());
        report.verdicts().forEach(v -> assertEquals(1.0, v.slowdown(), 1e-9));
    }

    @Test
    void passesASlowdownWithinTheTolerance() {
        assertTrue(GuardCheck.compare(baseline(), run(6.2, 2.4, 0.02)).passed());
    }

    @Test
    void failsAOneAndAHalfTimesSlowdownAndNamesTheWorkload() {
        GuardCheck.Report report = GuardCheck.compare(baseline(), run(7.5, 2.0, 0.02));

        assertFalse(report.passed());
        List<String> failed = report.verdicts().stream().filter(v -> !v.passed()).map(GuardCheck.Verdict::key).toList();
        assertEquals(List.of("preprocess.hand-canvas"), failed);
        assertTrue(report.format().contains("REGRESSION"), report.format());
    }

    @Test
    void aNoisyRunGetsNoWiderAllowance() {
        // The old guard widened the allowance by the run's noise, so a noisy run let a 1.5x slowdown through.
        assertFalse(GuardCheck.compare(baseline(), run(7.5, 2.0, 0.9)).passed());
    }

    @Test
    void namesSlowedWorkloadsTheGuardMissed() {
        GuardCheck.Report report = GuardCheck.compare(baseline(), run(7.5, 2.1, 0.02));

        assertEquals(List.of("inference.batch1"), report.missed(List.of("preprocess.hand-canvas", "inference.batch1")));
        assertEquals(List.of(), report.missed(List.of("preprocess.hand-canvas")));
    }

    @Test
    void failsWhenABaselineWorkloadIsMissing() {
        Map<String, GuardRun.Measurement> onlyCanvas = Map.of("preprocess.hand-canvas",
                new GuardRun.Measurement(5.0, 0.02, 1));

        GuardCheck.Report report = GuardCheck.compare(baseline(), GuardBaseline.of(onlyCanvas, 0.25, "test"));

        assertFalse(report.passed());
        assertTrue(report.format().contains("missing from this run"), report.format());
    }

    @Test
    void refusesABaselineMadeWithAnotherYardstick() {
        GuardBaseline old = new GuardBaseline("ReferenceBenchmark.cpuLoop", 0.3, "old", GuardBaseline.CPU,
                baseline().ratios());

        assertThrows(IllegalArgumentException.class, () -> GuardCheck.compare(old, baseline()));
    }

    @Test
    void baselineSurvivesAWriteAndReadRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        baseline().write(file);

        GuardBaseline read = GuardBaseline.read(file);

        assertEquals(baseline(), read);
        assertEquals(5.0, read.ratios().get("preprocess.hand-canvas").ratio(), 1e-12);
    }

    @Test
    void quantilesInterpolateBetweenRounds() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(2.5, GuardRun.quantile(sorted, 0.5), 1e-12);
        assertEquals(1.75, GuardRun.quantile(sorted, 0.25), 1e-12);
        assertEquals(4, GuardRun.quantile(sorted, 1), 1e-12);
    }

    @Test
    void convertsThroughputAndTimeUnitsToNanosPerOperation() {
        assertEquals(2_000, JmhResult.toNanosPerOp(2, "us/op"), 1e-9);
        assertEquals(1e6, JmhResult.toNanosPerOp(1000, "ops/s"), 1e-6);
        assertEquals(0.5, JmhResult.toNanosPerOp(2, "ops/ns"), 1e-12);
    }
}
