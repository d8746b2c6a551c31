package io.mathsketch.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardCheckTest {

    private static Map<String, GuardRun.Measurement> run(double canvas, double batch1, double spread) {
        Map<String, GuardRun.Measurement> m = new LinkedHashMap<>();
        m.put("preprocess.hand-canvas", new GuardRun.Measurement(canvas, spread, 100_000 * canvas, 100_000));
        m.put("inference.batch1", new GuardRun.Measurement(batch1, spread, 50_000 * batch1, 50_000));
        return m;
    }

    private static GuardCheck.Report judge(Map<String, GuardRun.Measurement> run) {
        return GuardCheck.judge(run, List.of(), List.of(), GuardCheck.TOLERANCE);
    }

    @Test
    void passesAnUnchangedBuild() {
        GuardCheck.Report report = judge(run(1.0, 1.02, 0.03));

        assertTrue(report.passed(), report.format());
        assertEquals(2, report.verdicts().size());
    }

    @Test
    void passesASlowdownWithinTheTolerance() {
        assertTrue(judge(run(1.24, 1.2, 0.02)).passed());
    }

    @Test
    void failsAOneAndAHalfTimesSlowdownAndNamesTheWorkload() {
        GuardCheck.Report report = judge(run(1.5, 1.0, 0.02));

        assertFalse(report.passed());
        List<String> failed = report.verdicts().stream().filter(v -> !v.passed()).map(GuardCheck.Verdict::key).toList();
        assertEquals(List.of("preprocess.hand-canvas"), failed);
        assertTrue(report.format().contains("REGRESSION"), report.format());
    }

    @Test
    void aNoisyRunGetsNoWiderAllowance() {
        // A guard that widened its allowance by the run's noise let a 1.5x slowdown through on a noisy run.
        assertFalse(judge(run(1.5, 1.0, 0.9)).passed());
    }

    @Test
    void namesSlowedWorkloadsTheGuardMissed() {
        GuardCheck.Report report = judge(run(1.5, 1.05, 0.02));

        assertEquals(List.of("inference.batch1"), report.missed(List.of("preprocess.hand-canvas", "inference.batch1")));
        assertEquals(List.of(), report.missed(List.of("preprocess.hand-canvas")));
    }

    @Test
    void failsWhenAWorkloadOfTheBaselineIsMissingAndLetsANewOnePass() {
        GuardCheck.Report missing = GuardCheck.judge(run(1.0, 1.0, 0.02), List.of("segment.sample-number"), List.of(),
                GuardCheck.TOLERANCE);
        GuardCheck.Report added = GuardCheck.judge(run(1.0, 1.0, 0.02), List.of(), List.of("preprocess.new-class"),
                GuardCheck.TOLERANCE);

        assertFalse(missing.passed());
        assertTrue(missing.format().contains("missing from this build"), missing.format());
        assertTrue(added.passed(), added.format());
        assertTrue(added.format().contains("new: not in the baseline build"), added.format());
    }

    @Test
    void theSlowdownIsTheMedianOfEachRoundsRatioSoMachineDriftCancels() {
        // The machine got 3x slower during the run; within each round both builds saw the same speed.
        double[] current = {120, 240, 360, 125, 500};
        double[] baseline = {100, 200, 300, 100, 100};

        GuardRun.Measurement m = GuardRun.summarise(current, baseline);

        assertEquals(1.2, m.slowdown(), 1e-9);
        assertEquals(240, m.currentNanosPerOp(), 1e-9);
        assertEquals(100, m.baselineNanosPerOp(), 1e-9);
    }

    @Test
    void theBaselineBuildGetsItsOwnCopyOfOurClassesAndSharesTheLibraries() throws Exception {
        Path ourClasses = Path.of(GuardCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (BaselineClassLoader loader = new BaselineClassLoader(ourClasses, GuardCheck.class.getClassLoader())) {
            Class<?> theirs = loader.loadClass(Slowdown.class.getName());

            assertNotSame(Slowdown.class, theirs);
            assertSame(loader, theirs.getClassLoader());
            assertSame(ai.djl.Model.class, loader.loadClass("ai.djl.Model"));
            assertSame(Runnable.class, loader.loadClass("java.lang.Runnable"));
        }
    }

    @Test
    void aSlowedCopyIsMeasuredInTheSameRunAndJudgedOnlyWhereThereIsOne() throws Exception {
        Callable<Object> op = () -> Math.sqrt(2);
        GuardRun run = new GuardRun(List.of(
                new GuardRun.Pair("proved", () -> op.call(), () -> op.call(), Optional.of(() -> op.call())),
                new GuardRun.Pair("plain", () -> op.call(), () -> op.call())));

        GuardRun.Result result = run.measure(1, 3);

        assertEquals(List.of("proved", "plain"), List.copyOf(result.current().keySet()));
        assertEquals(List.of("proved"), List.copyOf(result.slowed().keySet()));
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
