package io.mathsketch.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark regression guard. Compares a fresh JMH run with the committed {@link GuardBaseline} using ratios to a
 * reference benchmark of the same run, so machine speed cancels out (CPU time per operation when the run used
 * {@link ProcessCpuProfiler}, so that competing processes cancel out too), and fails when a benchmark became slower than
 * {@code 1 + tolerance + noise} times its baseline ratio, where noise is the combined JMH error of both runs (capped
 * at the tolerance, so a very noisy run cannot wave a regression through).
 *
 * <pre>
 *   GuardCheck check    &lt;baseline.json&gt; &lt;jmh-result.json&gt;               exit 1 on a regression
 *   GuardCheck baseline &lt;jmh-result.json&gt; &lt;baseline.json&gt; &lt;reference&gt; &lt;tolerance&gt; &lt;recorded&gt;
 * </pre>
 */
public final class GuardCheck {

    private GuardCheck() {
    }

    /** The outcome for one benchmark. */
    public record Verdict(String key, double baselineRatio, double currentRatio, double allowed, boolean passed,
                          String note) {

        /** Current time relative to the baseline, machine speed removed: 1.5 = 50% slower. */
        public double slowdown() {
            return currentRatio / baselineRatio;
        }
    }

    /** All verdicts; the guard passes when every one passes. */
    public record Report(List<Verdict> verdicts) {

        public boolean passed() {
            return verdicts.stream().allMatch(Verdict::passed);
        }

        public String format() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-58s %10s %10s %9s %8s  %s%n",
                    "benchmark", "baseline", "current", "slowdown", "allowed", "verdict"));
            for (Verdict v : verdicts) {
                out.append(String.format(Locale.ROOT, "%-58s %10.4f %10.4f %8.2fx %7.2fx  %s%n", v.key(),
                        v.baselineRatio(), v.currentRatio(), v.slowdown(), v.allowed(),
                        (v.passed() ? "ok" : "REGRESSION") + (v.note().isEmpty() ? "" : " (" + v.note() + ")")));
            }
            return out.toString();
        }
    }

    /** Judges {@code run} against {@code baseline}. A baseline benchmark missing from the run fails the guard. */
    public static Report compare(GuardBaseline baseline, List<JmhResult> run) {
        String metric = GuardBaseline.usesCpuTime(run) ? GuardBaseline.CPU : GuardBaseline.WALL;
        if (!metric.equals(baseline.metric())) {
            throw new IllegalArgumentException("the baseline compares " + baseline.metric() + " time but this run"
                    + " measured " + metric + " time: run both with the same profiler options");
        }
        Map<String, GuardBaseline.Ratio> current = GuardBaseline.ratios(run, baseline.reference());
        List<Verdict> verdicts = new ArrayList<>();
        baseline.ratios().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            GuardBaseline.Ratio base = entry.getValue();
            GuardBaseline.Ratio now = current.get(entry.getKey());
            if (now == null) {
                verdicts.add(new Verdict(entry.getKey(), base.ratio(), Double.NaN, Double.NaN, false,
                        "missing from this run"));
                return;
            }
            double noise = Math.min(baseline.tolerance(), Math.hypot(base.noise(), now.noise()));
            double allowed = 1 + baseline.tolerance() + noise;
            double slowdown = now.ratio() / base.ratio();
            String note = slowdown < 1 / allowed ? "faster than the baseline: consider re-recording it" : "";
            verdicts.add(new Verdict(entry.getKey(), base.ratio(), now.ratio(), allowed, slowdown <= allowed, note));
        });
        return new Report(List.copyOf(verdicts));
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("check")) {
            GuardBaseline baseline = GuardBaseline.read(Path.of(args[1]));
            Report report = compare(baseline, JmhResult.read(Path.of(args[2])));
            System.out.println("comparing " + baseline.metric() + " time per operation, relative to "
                    + baseline.reference());
            System.out.print(report.format());
            System.out.println(report.passed() ? "GUARD PASSED" : "GUARD FAILED: a benchmark is slower than its"
                    + " baseline beyond tolerance and noise");
            System.exit(report.passed() ? 0 : 1);
        } else if (args.length == 6 && args[0].equals("baseline")) {
            GuardBaseline baseline = GuardBaseline.of(JmhResult.read(Path.of(args[1])), args[3],
                    Double.parseDouble(args[4]), args[5]);
            baseline.write(Path.of(args[2]));
            System.out.println("wrote " + args[2] + " (" + baseline.ratios().size() + " benchmarks relative to "
                    + baseline.reference() + ")");
        } else {
            System.err.println("usage: GuardCheck check <baseline.json> <jmh-result.json>");
            System.err.println("       GuardCheck baseline <jmh-result.json> <baseline.json> <reference> <tolerance>"
                    + " <recorded>");
            System.exit(2);
        }
    }
}
