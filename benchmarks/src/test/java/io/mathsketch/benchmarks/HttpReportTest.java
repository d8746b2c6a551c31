package io.mathsketch.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpReportTest {

    private static String openLoop(double fraction, double rate, double p99, int failed) {
        return String.format(java.util.Locale.ROOT, "{\"kind\": \"openloop\", \"payload\": \"mnist28\", \"fraction\": %.2f,"
                + " \"goal_p99_ms\": 15, \"scheduled\": 100, \"completed\": 100, \"target_rps\": %.1f, \"rps\": %.1f,"
                + " \"p50_ms\": 1.0, \"p95_ms\": 2.0, \"p99_ms\": %.1f, \"max_ms\": 40.0, \"non2xx\": 0,"
                + " \"failed\": %d, \"connections\": 64, \"client_cpu_us_per_request\": 80.0}", fraction, rate, rate, p99,
                failed);
    }

    @Test
    void theSearchReportsTheHighestRateThatMeetsTheGoal() {
        String md = new HttpReport(List.of(openLoop(0.8, 8000, 900, 0), openLoop(0.6, 6000, 14, 3),
                openLoop(0.45, 4500, 12.5, 0), openLoop(0.3, 3000, 4, 0))).markdown("note", "");

        assertTrue(md.contains("| mnist28: open loop at 8000/s (80% of closed loop), p99 | 900.0 ms (0 failed) | ≤ 15 ms"
                + " | **no** |"), md);
        // 0.6 met the latency but lost requests; 0.3 met it at a lower rate than 0.45.
        assertTrue(md.contains("| mnist28: highest open-loop rate tried that meets p99 ≤ 15 ms | 4500/s (45% of closed"
                + " loop), p99 12.5 ms |"), md);
    }

    @Test
    void noRateMeetingTheGoalIsSaid() {
        String md = new HttpReport(List.of(openLoop(0.8, 8000, 900, 0), openLoop(0.1, 1000, 20, 0)))
                .markdown("note", "");

        assertTrue(md.contains("meets p99 ≤ 15 ms | none of the rates tried |"), md);
    }

    @Test
    void linesWrittenBeforeTheSearchStillRead() {
        String old = "{\"kind\": \"openloop\", \"payload\": \"gray140\", \"scheduled\": 10, \"completed\": 10,"
                + " \"target_rps\": 100.0, \"rps\": 100.0, \"p50_ms\": 1.0, \"p95_ms\": 2.0, \"p99_ms\": 3.0,"
                + " \"max_ms\": 4.0, \"non2xx\": 0, \"failed\": 0, \"connections\": 64}";

        String md = new HttpReport(List.of(old)).markdown("note", "");

        assertTrue(md.contains("| gray140: open loop at 100/s, p99 | 3.0 ms (0 failed) | ≤ 15 ms"
                + " | yes |"), md);
    }
}
