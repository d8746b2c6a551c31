package io.mathsketch.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the JSON lines written by {@code scripts/bench-http.sh} (one per load run, one per memory reading) into a
 * markdown page: every run, then the HTTP targets, then the server profile.
 *
 * <pre>  HttpReport &lt;results.jsonl&gt; &lt;out.md&gt; &lt;note&gt; [profile.txt]</pre>
 */
public final class HttpReport {

    /** One wrk run against one server configuration. */
    record Run(String payload, boolean store, int batch, int connections, long requests, double rps, double p50,
               double p95, double p99, double max, long non2xx, long socketErrors) {
    }

    /**
     * One open-loop run at a fixed arrival rate, {@code fraction} of the class's closed-loop rate (NaN in reports
     * written before it was recorded), judged against {@code goalP99} ms; {@code clientCpuMicros} is the load client's
     * own CPU per request (NaN: not recorded).
     */
    record OpenLoop(String payload, double fraction, double targetRps, double rps, long scheduled, long completed,
                    double p50, double p95, double p99, double max, long non2xx, long failed, double goalP99,
                    double clientCpuMicros) {

        boolean meetsGoal() {
            return p99 <= goalP99 && failed == 0;
        }
    }

    /** The open loop's p99 goal in reports written before the script recorded it with each run. */
    private static final double DEFAULT_OPEN_LOOP_GOAL_MS = 15;

    /** Server RSS after a number of recognitions. */
    /** One memory reading; {@code liveHeapKb} is the heap in use after a full GC (0: not read). */
    record Memory(long recognitions, long rssKb, long liveHeapKb) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final List<Memory> memory = new ArrayList<>();
    private final List<OpenLoop> openLoops = new ArrayList<>();

    HttpReport(List<String> lines) {
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String kind = o.get("kind").getAsString();
            if (kind.equals("memory")) {
                memory.add(new Memory(o.get("recognitions").getAsLong(), o.get("rss_kb").getAsLong(),
                        o.has("live_heap_kb") ? o.get("live_heap_kb").getAsLong() : 0));
            } else if (kind.equals("openloop")) {
                openLoops.add(new OpenLoop(o.get("payload").getAsString(), optional(o, "fraction", Double.NaN),
                        o.get("target_rps").getAsDouble(), o.get("rps").getAsDouble(), o.get("scheduled").getAsLong(),
                        o.get("completed").getAsLong(), o.get("p50_ms").getAsDouble(), o.get("p95_ms").getAsDouble(),
                        o.get("p99_ms").getAsDouble(), o.get("max_ms").getAsDouble(), o.get("non2xx").getAsLong(),
                        o.get("failed").getAsLong(), optional(o, "goal_p99_ms", DEFAULT_OPEN_LOOP_GOAL_MS),
                        optional(o, "client_cpu_us_per_request", Double.NaN)));
            } else {
                runs.add(new Run(o.get("payload").getAsString(), o.get("store").getAsBoolean(),
                        o.get("batch").getAsInt(), o.get("connections").getAsInt(), o.get("requests").getAsLong(),
                        o.get("rps").getAsDouble(), o.get("p50_ms").getAsDouble(), o.get("p95_ms").getAsDouble(),
                        o.get("p99_ms").getAsDouble(), o.get("max_ms").getAsDouble(), o.get("non2xx").getAsLong(),
                        o.get("socket_errors").getAsLong()));
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: HttpReport <results.jsonl> <out.md> <note> [profile.txt]");
            System.exit(2);
        }
        String profile = args.length > 3 && Files.exists(Path.of(args[3])) ? Files.readString(Path.of(args[3])) : "";
        String page = new HttpReport(Files.readAllLines(Path.of(args[0]))).markdown(args[2], profile);
        Files.writeString(Path.of(args[1]), page);
        System.out.print(page);
    }

    String markdown(String note, String profile) {
        StringBuilder md = new StringBuilder("# MathSketch HTTP load benchmark\n\n");
        md.append(note).append("\n\n");
        md.append("| Payload | Store | Max batch | Connections | Requests | Req/s | p50 ms | p95 ms | p99 ms | max ms"
                + " | Non-2xx | Socket errors |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %d |%n",
                    r.payload(), r.store() ? "on" : "off", r.batch(), r.connections(), r.requests(), r.rps(),
                    r.p50(), r.p95(), r.p99(), r.max(), r.non2xx(), r.socketErrors()));
        }
        if (!openLoops.isEmpty()) {
            md.append("\n## Open loop (constant arrival rate, storage on, batching on; latency from the scheduled"
                    + " send time, so no coordinated omission; achieved rate over the time to the last answer)\n\n"
                    + "| Payload | Fraction of closed loop | Target req/s | Achieved req/s | Scheduled | Completed | p50 ms"
                    + " | p95 ms | p99 ms | max ms | Non-2xx | Failed | Client CPU µs/request |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (OpenLoop r : openLoops) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.0f | %d | %d | %.2f | %.2f | %.2f | %.1f | %d"
                                + " | %d | %.0f |%n", r.payload(), r.fraction(), r.targetRps(), r.rps(), r.scheduled(),
                        r.completed(), r.p50(), r.p95(), r.p99(), r.max(), r.non2xx(), r.failed(), r.clientCpuMicros()));
            }
        }
        md.append("\n## Targets (storage on, 64 connections, batching on = max batch 32)\n\n");
        md.append("| Target | Measured | Goal | Met |\n|---|---:|---:|---|\n");
        for (String payload : payloads()) {
            if (payload.equals("mnist28")) {
                throughputTarget(payload, 14_000, 30, md);
            } else if (payload.equals("chromium-canvas") || payload.equals("hand-canvas")
                    || payload.startsWith("mnist280-")) {
                throughputTarget(payload, 3_000, 30, md);
            }
        }
        for (String payload : openLoopPayloads()) {
            List<OpenLoop> ofPayload = openLoops.stream().filter(r -> r.payload().equals(payload)).toList();
            OpenLoop first = ofPayload.getFirst();
            String share = Double.isNaN(first.fraction()) ? ""
                    : String.format(Locale.ROOT, " (%.0f%% of closed loop)", first.fraction() * 100);
            row(String.format(Locale.ROOT, "%s: open loop at %.0f/s%s, p99", payload, first.targetRps(), share),
                    String.format(Locale.ROOT, "%.1f ms (%d failed)", first.p99(), first.failed()),
                    String.format(Locale.ROOT, "≤ %.0f ms", first.goalP99()), first.meetsGoal(), md);
            if (ofPayload.size() > 1) {
                Optional<OpenLoop> best = ofPayload.stream().filter(OpenLoop::meetsGoal)
                        .max(Comparator.comparingDouble(OpenLoop::targetRps));
                md.append(String.format(Locale.ROOT, "| %s: highest open-loop rate tried that meets p99 ≤ %.0f ms | %s"
                                + " | (for sizing) | |%n", payload, first.goalP99(),
                        best.map(b -> String.format(Locale.ROOT, "%.0f/s (%.0f%% of closed loop), p99 %.1f ms",
                                b.targetRps(), b.fraction() * 100, b.p99())).orElse("none of the rates tried")));
            }
        }
        for (String payload : payloads()) {
            Optional<Run> on64 = find(payload, true, 32, 64), off64 = find(payload, true, 1, 64);
            if (on64.isPresent() && off64.isPresent()) {
                double gain = on64.get().rps() / off64.get().rps();
                row(payload + ": req/s batching on / off, 64 connections", String.format(Locale.ROOT, "%.2fx", gain),
                        "≥ 1.3x", gain >= 1.3, md);
            }
            Optional<Run> on1 = find(payload, true, 32, 1), off1 = find(payload, true, 1, 1);
            if (on1.isPresent() && off1.isPresent()) {
                double p50 = on1.get().p50() / off1.get().p50();
                row(payload + ": p50 batching on / off, 1 connection", String.format(Locale.ROOT, "%.2fx", p50),
                        "≤ 1.10x", p50 <= 1.10, md);
            }
        }
        if (memory.size() >= 2) {
            Memory first = memory.getFirst(), last = memory.getLast();
            double growth = (double) last.rssKb() / first.rssKb() - 1;
            row(String.format(Locale.ROOT, "RSS after %,d vs after %,d recognitions", last.recognitions(),
                            first.recognitions()),
                    String.format(Locale.ROOT, "%,d KB vs %,d KB (%+.1f%%)", last.rssKb(), first.rssKb(), growth * 100),
                    "within 10%", Math.abs(growth) <= 0.10, md);
            if (first.liveHeapKb() > 0 && last.liveHeapKb() > 0) {
                md.append(String.format(Locale.ROOT, "| live heap after a full GC, same two moments | %,d KB vs %,d KB"
                        + " | | |%n", last.liveHeapKb(), first.liveHeapKb()));
            }
        }
        if (!profile.isBlank()) {
            md.append("\n## Server profile (JFR)\n\n```\n").append(profile.strip()).append("\n```\n");
        }
        return md.toString();
    }

    private void throughputTarget(String payload, double rps, double p99, StringBuilder md) {
        find(payload, true, 32, 64).ifPresent(r -> row(payload + ": req/s and p99, 64 connections",
                String.format(Locale.ROOT, "%.0f/s, p99 %.1f ms", r.rps(), r.p99()),
                String.format(Locale.ROOT, "≥ %.0f/s, p99 ≤ %.0f ms", rps, p99), r.rps() >= rps && r.p99() <= p99, md));
    }

    /** The payload classes sent open-loop, in the order of the runs. */
    private List<String> openLoopPayloads() {
        return openLoops.stream().map(OpenLoop::payload).distinct().toList();
    }

    private static double optional(JsonObject o, String name, double absent) {
        return o.has(name) ? o.get(name).getAsDouble() : absent;
    }

    /** The payload classes measured, in the order of the runs. */
    private List<String> payloads() {
        return runs.stream().map(Run::payload).distinct().toList();
    }

    private Optional<Run> find(String payload, boolean store, int batch, int connections) {
        return runs.stream().filter(r -> r.payload().equals(payload) && r.store() == store && r.batch() == batch
                && r.connections() == connections).findFirst();
    }

    private static void row(String label, String measured, String goal, boolean met, StringBuilder md) {
        md.append("| ").append(label).append(" | ").append(measured).append(" | ").append(goal).append(" | ")
                .append(met ? "yes" : "**no**").append(" |\n");
    }
}
