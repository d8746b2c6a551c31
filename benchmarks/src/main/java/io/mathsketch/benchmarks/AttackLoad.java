package io.mathsketch.benchmarks;

import io.mathsketch.corpus.attack.AttackCorpus;
import io.mathsketch.corpus.attack.AttackRun;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The attack corpus of {@code scripts/resilience.sh}: {@link AttackCorpus} (for the default limits) fired by
 * {@link AttackRun} at a fixed concurrency, at least {@code seconds} and until every attack was answered once (at most
 * four times as long). Normal traffic is {@link OpenLoopLoad}'s, run beside it by the script.
 *
 * <pre>  AttackLoad &lt;base url&gt; &lt;concurrency&gt; &lt;seconds&gt; &lt;table.md&gt;</pre>
 *
 * Writes the per-attack table to {@code table.md} and prints one JSON object: attacks sent, violations (answers
 * outside an attack's expectation, including no answer within 60 s), attacks never sent, seconds, and the first
 * violations.
 */
public final class AttackLoad {

    private AttackLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: AttackLoad <base url> <concurrency> <seconds> <table.md>");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        Duration least = Duration.ofMillis((long) (Double.parseDouble(args[2]) * 1000));
        AttackRun run = new AttackRun(base.getHost(), base.getPort(), AttackCorpus.forDefaultLimits());
        AttackRun.Report report = run.run(concurrency, least, least.multipliedBy(4), Duration.ofSeconds(60));
        Files.writeString(Path.of(args[3]), report.table());
        StringBuilder first = new StringBuilder();
        report.violationLines().stream().limit(5).forEach(line -> first.append(first.isEmpty() ? "" : ", ")
                .append('"').append(line.replace("\\", "\\\\").replace("\"", "'")).append('"'));
        System.out.printf(Locale.ROOT, "{\"attacks\": %d, \"kinds\": %d, \"violations\": %d, \"unsent\": %d, "
                        + "\"concurrency\": %d, \"seconds\": %.1f, \"first_violations\": [%s]}%n", report.sent(),
                report.tallies().size(), report.violations(), report.unsent().size(), concurrency,
                report.elapsed().toMillis() / 1000.0, first);
        System.exit(0);
    }
}
