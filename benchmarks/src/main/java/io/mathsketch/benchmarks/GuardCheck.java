package io.mathsketch.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The benchmark regression guard: measures every guarded workload ({@link GuardWorkloads}) as this build does it and
 * as the baseline commit's build does it, side by side in one JVM ({@link GuardRun}), and fails when this build is
 * more than {@code 1 + }{@value #TOLERANCE} times slower than the baseline on one of them. The allowance is fixed
 * rather than widened by the run's noise, so a noisy run cannot wave a regression through; measuring both builds
 * within the same fraction of a second and taking the median over rounds are what keep clean runs inside it.
 *
 * <pre>
 *   GuardCheck &lt;baseline benchmarks.jar&gt; &lt;baseline models dir&gt; &lt;baseline name&gt; [rounds] [warm-up ms]
 * </pre>
 *
 * This build's models are {@code models/} of the working directory (or {@code -Dmathsketch.models}). With a
 * deliberate slowdown ({@value Slowdown#PROPERTY}, this build only) the check proves the guard instead: it exits 1
 * when every slowed workload was flagged, and {@value #MISSED} when one was not (the guard would have let a regression
 * through). With {@value #PROOF_PROPERTY} (CI) it does both in one run: this build is measured as it is and, in the
 * same rounds against the same baseline slices, a copy of it slowed down by that {@link Slowdown}; it exits 1 on a
 * regression of the clean build, else {@value #MISSED} when a slowed workload was not flagged, else 0.
 */
public final class GuardCheck {

    /** Exit status of a proof run in which a slowed-down workload passed. */
    static final int MISSED = 4;
    /** A slowdown ({@link Slowdown} syntax) for a copy of this build measured beside the clean one: the proof. */
    static final String PROOF_PROPERTY = "mathsketch.bench.proof";
    static final double TOLERANCE = 0.25;
    static final int ROUNDS = 15;
    static final long WARM_UP_MS = 1_200;
    private static final String WORKLOADS = "io.mathsketch.benchmarks.GuardWorkloads";

    private GuardCheck() {
    }

    /** The outcome for one workload. */
    public record Verdict(String key, GuardRun.Measurement measured, double allowed, boolean passed, String note) {
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
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-30s %13s %13s %7s %9s %8s  %s%n",
                    "workload", "baseline µs", "this build µs", "spread", "slowdown", "allowed", "verdict"));
            for (Verdict v : verdicts) {
                GuardRun.Measurement m = v.measured();
                String verdict = (v.passed() ? "ok" : "REGRESSION") + (v.note().isEmpty() ? "" : " (" + v.note() + ")");
                if (m == null) {
                    out.append(String.format(Locale.ROOT, "%-30s %13s %13s %7s %9s %7.2fx  %s%n", v.key(), "-", "-",
                            "-", "-", v.allowed(), verdict));
                } else {
                    out.append(String.format(Locale.ROOT, "%-30s %13.1f %13.1f %6.1f%% %8.2fx %7.2fx  %s%n", v.key(),
                            m.baselineNanosPerOp() / 1e3, m.currentNanosPerOp() / 1e3, m.spread() * 100, m.slowdown(),
                            v.allowed(), verdict));
                }
            }
            return out.toString();
        }
    }

    /**
     * Judges a run. A workload the baseline guards but this build lacks fails (dropping a guarded workload is a change
     * to accept on purpose); one only this build has passes with a note until a baseline with it is accepted.
     */
    public static Report judge(Map<String, GuardRun.Measurement> measured, Collection<String> baselineOnly,
                               Collection<String> currentOnly, double tolerance) {
        double allowed = 1 + tolerance;
        List<Verdict> verdicts = new ArrayList<>();
        measured.forEach((key, m) -> {
            String note = m.slowdown() < 1 / allowed ? "faster than the baseline: consider accepting this build" : "";
            verdicts.add(new Verdict(key, m, allowed, m.slowdown() <= allowed, note));
        });
        baselineOnly.forEach(key -> verdicts.add(new Verdict(key, null, allowed, false, "missing from this build")));
        currentOnly.forEach(key -> verdicts.add(new Verdict(key, null, allowed, true,
                "new: not in the baseline build, guarded once accepted")));
        return new Report(List.copyOf(verdicts));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GuardCheck <baseline benchmarks.jar> <baseline models dir> <baseline name>"
                    + " [rounds] [warm-up ms]");
            System.exit(2);
        }
        Path baselineJar = Path.of(args[0]), baselineModels = Path.of(args[1]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : ROUNDS;
        long warmUp = args.length > 4 ? Long.parseLong(args[4]) : WARM_UP_MS;
        Slowdown slowdown = Slowdown.fromSystemProperty();
        Slowdown proof = new Slowdown(System.getProperty(PROOF_PROPERTY, ""));
        if (proof.factor() > 1 && slowdown.factor() > 1) {
            System.err.println(Slowdown.PROPERTY + " slows this build itself; " + PROOF_PROPERTY
                    + " slows a copy beside it: give one of them");
            System.exit(2);
        }

        GuardRun.Result measured;
        List<String> baselineOnly, currentOnly;
        try (GuardWorkloads current = GuardWorkloads.open(BenchmarkModel.modelsDirectory(), slowdown.spec());
             GuardWorkloads slowedCopy = proof.factor() > 1
                     ? GuardWorkloads.open(BenchmarkModel.modelsDirectory(), proof.spec()) : null;
             BaselineClassLoader loader = new BaselineClassLoader(baselineJar, GuardCheck.class.getClassLoader());
             AutoCloseable baseline = openBaseline(loader, baselineModels)) {
            Map<String, Callable<Object>> mine = current.get();
            Map<String, Callable<Object>> theirs = workloads(baseline);
            Map<String, Callable<Object>> slowed = slowedCopy == null ? Map.of() : slowedCopy.get();
            List<GuardRun.Pair> pairs = mine.keySet().stream().filter(theirs::containsKey)
                    .map(name -> new GuardRun.Pair(name, mine.get(name), theirs.get(name),
                            proof.applies(name) ? Optional.of(slowed.get(name)) : Optional.empty())).toList();
            baselineOnly = theirs.keySet().stream().filter(name -> !mine.containsKey(name)).toList();
            currentOnly = mine.keySet().stream().filter(name -> !theirs.containsKey(name)).toList();
            measured = new GuardRun(pairs).measure(warmUp, rounds);
        }
        Report report = judge(measured.current(), baselineOnly, currentOnly, TOLERANCE);
        System.out.println("CPU time per operation, this build against " + args[2] + " side by side; median of "
                + rounds + " rounds; slowed down: " + slowdown);
        System.out.print(report.format());
        GuardRun.Measurement control = measured.current().get(GuardWorkloads.CONTROL);
        GuardRun.Measurement inflated = measured.current().get(GuardWorkloads.INFLATED);
        if (control != null && inflated != null) {
            System.out.printf(Locale.ROOT, "%s / %s, this build: %.2fx (the PNG pipeline against a bare inflate of the"
                    + " same PNGs' data)%n", GuardWorkloads.INFLATED, GuardWorkloads.CONTROL,
                    inflated.currentNanosPerOp() / control.currentNanosPerOp());
        }
        System.out.println(report.passed() ? "GUARD PASSED" : "GUARD FAILED: a workload is more than "
                + Math.round(TOLERANCE * 100) + "% slower than in the baseline build, or missing");
        boolean missed = false;
        List<String> slowed = measured.current().keySet().stream().filter(slowdown::applies).toList();
        if (!slowed.isEmpty()) {
            missed = !proved(report, slowed);
        }
        if (!measured.slowed().isEmpty()) {
            Report proofReport = judge(measured.slowed(), List.of(), List.of(), TOLERANCE);
            System.out.println("Proof: a copy of this build slowed down (" + proof + ") in the same rounds, against"
                    + " the same baseline slices; every slowed workload must be flagged");
            System.out.print(proofReport.format());
            missed = !proved(proofReport, List.copyOf(measured.slowed().keySet()));
            System.exit(!report.passed() ? 1 : missed ? MISSED : 0);
        }
        System.exit(missed ? MISSED : report.passed() ? 0 : 1);
    }

    /** Prints whether {@code report} flagged every workload of {@code slowed}; true when it did. */
    private static boolean proved(Report report, List<String> slowed) {
        List<String> missed = report.missed(slowed);
        System.out.println(missed.isEmpty()
                ? "PROOF PASSED: all " + slowed.size() + " deliberately slowed workloads were flagged"
                : "PROOF FAILED: slowed down but not flagged: " + missed);
        return missed.isEmpty();
    }

    /** The baseline build's {@link GuardWorkloads}, never slowed down, through the JDK types it exposes. */
    private static AutoCloseable openBaseline(ClassLoader loader, Path models) throws Exception {
        try {
            return (AutoCloseable) Class.forName(WORKLOADS, true, loader).getMethod("open", Path.class, String.class)
                    .invoke(null, models, "");
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("the baseline build has no " + WORKLOADS + ".open(Path, String): it"
                    + " predates the side-by-side guard; accept a newer baseline (scripts/bench-guard.sh --accept)", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Callable<Object>> workloads(AutoCloseable baseline) {
        return ((Supplier<Map<String, Callable<Object>>>) baseline).get();
    }
}
