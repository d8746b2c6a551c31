package io.mathsketch.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardCheckTest {

    private static final String REFERENCE = "ReferenceBenchmark.cpuLoop";

    /** A JMH JSON result with the reference and two benchmarks, scores in µs/op with the given relative errors. */
    private static String jmhJson(double reference, double canvas, double batch1, double relativeError) {
        return "[" + run("io.mathsketch.benchmarks.ReferenceBenchmark.cpuLoop", null, reference, relativeError)
                + "," + run("io.mathsketch.benchmarks.PreprocessingBenchmark.canvasPipeline", null, canvas,
                relativeError)
                + "," + run("io.mathsketch.benchmarks.InferenceBenchmark.batch1", "OnnxRuntime", batch1,
                relativeError) + "]";
    }

    private static String run(String benchmark, String engine, double score, double relativeError) {
        return run(benchmark, engine, score, relativeError,
                String.format(Locale.ROOT, "[[%s, %s, %s]]", score * 0.99, score, score * 1.01));
    }

    private static String run(String benchmark, String engine, double score, double relativeError, String rawData) {
        return run(benchmark, engine, score, relativeError, rawData, "{}");
    }

    private static String run(String benchmark, String engine, double score, double relativeError, String rawData,
                              String secondaryMetrics) {
        String params = engine == null ? "" : "\"params\": {\"engine\": \"" + engine + "\"},";
        return String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "%s", "mode": "avgt", "threads": 1, "forks": 1, %s
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreConfidence": [0, 0],
                                   "scoreUnit": "us/op", "rawData": %s},
                 "secondaryMetrics": %s}""", benchmark, params, score, score * relativeError, rawData,
                secondaryMetrics);
    }

    /** A run whose results carry {@link ProcessCpuProfiler}'s CPU time per operation, as JMH writes it. */
    private static String cpuRun(double referenceWall, double referenceCpu, double canvasWall, double canvasCpu) {
        return "[" + run("io.mathsketch.benchmarks.ReferenceBenchmark.cpuLoop", null, referenceWall, 0.02,
                "[[" + referenceWall + "]]", cpu(referenceCpu))
                + "," + run("io.mathsketch.benchmarks.PreprocessingBenchmark.canvasPipeline", null, canvasWall, 0.02,
                "[[" + canvasWall + "]]", cpu(canvasCpu)) + "]";
    }

    private static String cpu(double nanosPerOp) {
        return String.format(Locale.ROOT, """
                {"\u00b7cpu.time/op": {"score": %s, "scoreError": %s, "scoreUnit": "ns/op",
                                      "rawData": [[%s, %s, %s]]}}""", nanosPerOp, nanosPerOp * 0.02,
                nanosPerOp * 0.99, nanosPerOp, nanosPerOp * 1.01);
    }

    private static GuardBaseline baseline() {
        return GuardBaseline.of(JmhResult.parse(jmhJson(100, 50, 20, 0.02)), REFERENCE, 0.3, "test");
    }

    @Test
    void passesWhenTheWholeMachineIsTwiceAsSlow() {
        GuardCheck.Report report = GuardCheck.compare(baseline(), JmhResult.parse(jmhJson(200, 100, 40, 0.02)));

        assertTrue(report.passed(), report.format());
        assertEquals(2, report.verdicts().size());
        report.verdicts().forEach(v -> assertEquals(1.0, v.slowdown(), 1e-9));
    }

    @Test
    void passesASlowdownWithinTheThreshold() {
        GuardCheck.Report report = GuardCheck.compare(baseline(), JmhResult.parse(jmhJson(100, 60, 22, 0.02)));

        assertTrue(report.passed(), report.format());
    }

    @Test
    void failsWhenOneBenchmarkIsTwiceAsSlowAndNamesIt() {
        GuardCheck.Report report = GuardCheck.compare(baseline(), JmhResult.parse(jmhJson(100, 100, 20, 0.02)));

        assertFalse(report.passed());
        List<String> failed = report.verdicts().stream().filter(v -> !v.passed()).map(GuardCheck.Verdict::key).toList();
        assertEquals(List.of("PreprocessingBenchmark.canvasPipeline"), failed);
        assertTrue(report.format().contains("REGRESSION"), report.format());
    }

    @Test
    void noisyRunsWidenTheThresholdButOnlyUpToTwiceTheTolerance() {
        // 45% slower: beyond the 30% tolerance, but within it plus the noise of a run with 25% errors.
        assertTrue(GuardCheck.compare(baseline(), JmhResult.parse(jmhJson(100, 72.5, 20, 0.25))).passed());
        assertFalse(GuardCheck.compare(baseline(), JmhResult.parse(jmhJson(100, 72.5, 20, 0.01))).passed());
        // However noisy, 1.6x (1 + 2 x tolerance) is the most ever allowed.
        assertFalse(GuardCheck.compare(baseline(), JmhResult.parse(jmhJson(100, 85, 20, 5.0))).passed());
    }

    @Test
    void judgesTheMedianIterationSoOneDisturbedIterationDoesNotFail() {
        // Another process stole the CPU during one of five iterations: the mean doubles, the median does not move.
        String run = "[" + run("io.mathsketch.benchmarks.ReferenceBenchmark.cpuLoop", null, 100, 0.02)
                + "," + run("io.mathsketch.benchmarks.PreprocessingBenchmark.canvasPipeline", null, 100, 0.9,
                "[[50, 49, 300, 51, 50]]")
                + "," + run("io.mathsketch.benchmarks.InferenceBenchmark.batch1", "OnnxRuntime", 20, 0.02) + "]";

        assertTrue(GuardCheck.compare(baseline(), JmhResult.parse(run)).passed());
    }

    @Test
    void comparesCpuTimeWhenMeasuredSoABusyMachineDoesNotFailIt() {
        GuardBaseline baseline = GuardBaseline.of(JmhResult.parse(cpuRun(100, 100_000, 50, 50_000)), REFERENCE, 0.3,
                "test");
        assertEquals(GuardBaseline.CPU, baseline.metric());

        // Another process took the cores while canvasPipeline ran: its wall time tripled, its CPU time did not.
        assertTrue(GuardCheck.compare(baseline, JmhResult.parse(cpuRun(100, 100_000, 150, 51_000))).passed());
        // Our code burning twice the CPU is a regression whatever the wall clock says.
        assertFalse(GuardCheck.compare(baseline, JmhResult.parse(cpuRun(100, 100_000, 50, 100_000))).passed());
    }

    @Test
    void refusesToCompareCpuTimeWithWallClockTime() {
        GuardBaseline cpuBaseline = GuardBaseline.of(JmhResult.parse(cpuRun(100, 100_000, 50, 50_000)), REFERENCE,
                0.3, "test");

        assertThrows(IllegalArgumentException.class,
                () -> GuardCheck.compare(cpuBaseline, JmhResult.parse(jmhJson(100, 50, 20, 0.02))));
    }

    @Test
    void failsWhenABaselineBenchmarkIsMissing() {
        String withoutBatch1 = "[" + run("io.mathsketch.benchmarks.ReferenceBenchmark.cpuLoop", null, 100, 0.02)
                + "," + run("io.mathsketch.benchmarks.PreprocessingBenchmark.canvasPipeline", null, 50, 0.02) + "]";

        GuardCheck.Report report = GuardCheck.compare(baseline(), JmhResult.parse(withoutBatch1));

        assertFalse(report.passed());
        assertTrue(report.format().contains("missing from this run"), report.format());
    }

    @Test
    void baselineSurvivesAWriteAndReadRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("baseline.json");
        baseline().write(file);

        GuardBaseline read = GuardBaseline.read(file);

        assertEquals(baseline(), read);
        assertEquals(0.5, read.ratios().get("PreprocessingBenchmark.canvasPipeline").ratio(), 1e-12);
        assertEquals(0.2, read.ratios().get("InferenceBenchmark.batch1[engine=OnnxRuntime]").ratio(), 1e-12);
    }

    @Test
    void convertsThroughputAndTimeUnitsToNanosPerOperation() {
        assertEquals(2_000, JmhResult.toNanosPerOp(2, "us/op"), 1e-9);
        assertEquals(1e6, JmhResult.toNanosPerOp(1000, "ops/s"), 1e-6);
        assertEquals(0.5, JmhResult.toNanosPerOp(2, "ops/ns"), 1e-12);
    }
}
