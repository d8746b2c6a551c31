package io.mathsketch.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark regression guard: measures the guarded workloads ({@link GuardRun}, interleaved with reference
 * workloads, CPU time, median over rounds) and fails when one became slower than {@code 1 + tolerance} times its
 * ratio in the committed {@link GuardBaseline}. The allowance is fixed rather than widened by the run's noise, so a
 * noisy run cannot wave a regression through; the interleaving and the median are what keep clean runs inside it.
 *
 * <pre>
 *   GuardCheck check  &lt;baseline.json&gt; &lt;result.json&gt; [rounds] [warm-up ms]   exit 1 on a regression
 *   GuardCheck record &lt;baseline.json&gt; &lt;recorded&gt; [rounds] [warm-up ms]   write a new baseline (commit it)
 * </pre>
 *
 * With a deliberate slowdown ({@value Slowdown#PROPERTY}), {@code check} also proves the guard: it exits 1 when every
 * slowed workload was flagged, and {@value #MISSED} when one was not (the guard would have let a regression through).
 */
public final class GuardCheck {

    /** Exit status of a proof run in which a slowed-down workload passed. */
    static final int MISSED = 4;
    static final double TOLERANCE = 0.25;
    static final int ROUNDS = 15;
    static final long WARM_UP_MS = 1_200;

    private GuardCheck() {
    }

    /** The outcome for one workload. */
    public record Verdict(String key, double baselineRatio, double currentRatio, double noise, double allowed,
                          boolean passed, String note) {

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

        /** The workloads among {@code slowed} that the guard did not flag. */
        public List<String> missed(Collection<String> slowed) {
            return verdicts.stream().filter(v -> v.passed() && slowed.contains(v.key())).map(Verdict::key).toList();
        }

        public String format() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-34s %9s %9s %7s %9s %8s  %s%n",
                    "workload", "baseline", "current", "spread", "slowdown", "allowed", "verdict"));
            for (Verdict v : verdicts) {
                out.append(String.format(Locale.ROOT, "%-34s %9.4f %9.4f %6.1f%% %8.2fx %7.2fx  %s%n", v.key(),
                        v.baselineRatio(), v.currentRatio(), v.noise() * 100, v.slowdown(), v.allowed(),
                        (v.passed() ? "ok" : "REGRESSION") + (v.note().isEmpty() ? "" : " (" + v.note() + ")")));
            }
            return out.toString();
        }
    }

    /** Judges {@code run} against {@code baseline}. A baseline workload missing from the run fails the guard. */
    public static Report compare(GuardBaseline baseline, GuardBaseline run) {
        if (!baseline.reference().equals(run.reference())) {
            throw new IllegalArgumentException("the baseline divides by '" + baseline.reference() + "' but this run by '"
                    + run.reference() + "': re-record the baseline");
        }
        double allowed = 1 + baseline.tolerance();
        List<Verdict> verdicts = new ArrayList<>();
        baseline.ratios().forEach((key, base) -> {
            GuardBaseline.Ratio now = run.ratios().get(key);
            if (now == null) {
                verdicts.add(new Verdict(key, base.ratio(), Double.NaN, Double.NaN, allowed, false,
                        "missing from this run"));
                return;
            }
            double slowdown = now.ratio() / base.ratio();
            String note = slowdown < 1 / allowed ? "faster than the baseline: consider re-recording it" : "";
            verdicts.add(new Verdict(key, base.ratio(), now.ratio(), now.noise(), allowed, slowdown <= allowed, note));
        });
        return new Report(List.copyOf(verdicts));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[0].equals("check") || args[0].equals("record"))) {
            System.err.println("usage: GuardCheck check <baseline.json> <result.json> [rounds] [warm-up ms]");
            System.err.println("       GuardCheck record <baseline.json> <recorded> [rounds] [warm-up ms]");
            System.exit(2);
        }
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : ROUNDS;
        long warmUp = args.length > 4 ? Long.parseLong(args[4]) : WARM_UP_MS;
        Slowdown slowdown = Slowdown.fromSystemProperty();
        Map<String, GuardRun.Measurement> measured;
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            GuardRun run = new GuardRun(GuardRun.standard(slowdown, resources));
            measured = run.measure(warmUp, rounds);
            run.references().forEach((name, nanos) -> System.out.printf(Locale.ROOT, "  %-34s cpu %9.1f µs/op%n",
                    name, nanos / 1e3));
        } finally {
            for (AutoCloseable r : resources.reversed()) {
                r.close();
            }
        }
        System.out.print(GuardRun.describe(measured));
        Path baselineFile = Path.of(args[1]);
        if (args[0].equals("record")) {
            GuardBaseline.of(measured, TOLERANCE, args[2]).write(baselineFile);
            System.out.println("wrote " + baselineFile + " (" + measured.size() + " workloads, " + rounds + " rounds)");
            System.exit(0);
        }
        GuardBaseline baseline = GuardBaseline.read(baselineFile);
        GuardBaseline current = GuardBaseline.of(measured, baseline.tolerance(), "this run");
        current.write(Path.of(args[2]));
        Report report = compare(baseline, current);
        System.out.println("CPU time per operation relative to the " + baseline.reference() + "; median of " + rounds
                + " rounds; slowed down: " + slowdown);
        System.out.print(report.format());
        System.out.println(report.passed() ? "GUARD PASSED" : "GUARD FAILED: a workload is more than "
                + Math.round(baseline.tolerance() * 100) + "% slower than its baseline");
        List<String> slowed = measured.keySet().stream().filter(slowdown::applies).toList();
        if (!slowed.isEmpty()) {
            List<String> missed = report.missed(slowed);
            System.out.println(missed.isEmpty()
                    ? "PROOF PASSED: all " + slowed.size() + " deliberately slowed workloads were flagged"
                    : "PROOF FAILED: slowed down but not flagged: " + missed);
            if (!missed.isEmpty()) {
                System.exit(MISSED);
            }
        }
        System.exit(report.passed() ? 0 : 1);
    }
}
