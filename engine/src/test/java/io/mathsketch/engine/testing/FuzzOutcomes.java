package io.mathsketch.engine.testing;

import io.mathsketch.engine.RecognitionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Test helper for mutation fuzzing: runs one input under a hang guard and sorts what happened into an answer, a
 * refusal the server turns into a 4xx (or 503) problem, or a bug: any other exception or error (an NPE, an index out
 * of bounds, an OutOfMemoryError, a StackOverflowError), a refusal caused by one thrown in this project's own code
 * (which a safety net turned into a typed error), an {@link RecognitionException.InferenceFailed} (a 500), or no
 * answer within {@link #HANG}. A bug's input is written to {@code target/fuzz-failures} to replay it.
 */
public final class FuzzOutcomes {

    /** A hang guard, not a speed target: a decode of these small inputs takes milliseconds. */
    public static final Duration HANG = Duration.ofSeconds(10);

    private static final String OWN_CODE = "io.mathsketch.";
    private static final Path FAILURES = Path.of("target", "fuzz-failures");

    private final String what;
    private final Set<Class<? extends RuntimeException>> parserRefusals;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, Map<String, Integer>> groups = new TreeMap<>();
    private final List<String> bugs = new ArrayList<>();
    private final long started = System.nanoTime();

    /** Outcomes where only {@link RecognitionException}s are refusals. */
    public FuzzOutcomes(String what) {
        this(what, Set.of());
    }

    /**
     * @param parserRefusals exceptions of a parser that the server maps to a 400 in one place (the JSON body reader),
     *                       also counted as refusals
     */
    public FuzzOutcomes(String what, Set<Class<? extends RuntimeException>> parserRefusals) {
        this.what = what;
        this.parserRefusals = parserRefusals;
    }

    /**
     * Runs {@code input}; its answer (a short word) or its refusal's type is counted, in total and for its
     * {@code group} (the seed's format), a bug recorded.
     */
    public void check(String group, String label, byte[] bytes, Callable<String> input) {
        String outcome;
        try {
            outcome = assertTimeoutPreemptively(HANG, () -> {
                try {
                    return input.call();
                } catch (RecognitionException.InferenceFailed e) {
                    return bug(label, bytes, e);
                } catch (RecognitionException e) {
                    Throwable unforeseen = unforeseen(e);
                    if (unforeseen == null) {
                        return e.getClass().getSimpleName();
                    }
                    StackTraceElement[] at = unforeseen.getStackTrace();
                    if (at.length > 0 && at[0].getClassName().startsWith(OWN_CODE)) {
                        // A safety net caught it (ImageDecoder's for the PNG decoder): still a bug of our own code.
                        return bug(label, bytes, unforeseen);
                    }
                    // The JDK's ImageIO readers throw such exceptions on malformed input; ours wraps them.
                    return e.getClass().getSimpleName() + " <- " + unforeseen.getClass().getSimpleName();
                } catch (Throwable e) {
                    if (parserRefusals.stream().anyMatch(type -> type.isInstance(e))) {
                        return e.getClass().getSimpleName();
                    }
                    return bug(label, bytes, e);
                }
            });
        } catch (AssertionError timedOut) {
            outcome = bug(label, bytes, timedOut);
        }
        counts.merge(outcome, 1, Integer::sum);
        groups.computeIfAbsent(group, g -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }

    /** Outcomes so far by answer or refusal type ("bug" for bugs). */
    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    public String summary(long seed) {
        return String.format("%s fuzzing, seed %d: %d inputs in %.1f s: %s; by group: %s", what, seed,
                counts.values().stream().mapToInt(Integer::intValue).sum(), (System.nanoTime() - started) / 1e9,
                counts, groups);
    }

    public void assertNoBugs() {
        if (!bugs.isEmpty()) {
            fail(bugs.size() + " " + what + " inputs failed outside the error contract (inputs in " + FAILURES
                    + "):\n" + String.join("\n", bugs.subList(0, Math.min(20, bugs.size()))));
        }
    }

    /** The first unchecked exception or error among the causes of a refusal, or null. */
    private static Throwable unforeseen(RecognitionException refusal) {
        for (Throwable cause = refusal.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RuntimeException || cause instanceof Error) {
                return cause;
            }
        }
        return null;
    }

    private String bug(String label, byte[] bytes, Throwable e) {
        String file = label.replaceAll("[^A-Za-z0-9.-]+", "-") + ".bin";
        try {
            Files.createDirectories(FAILURES);
            Files.write(FAILURES.resolve(file), bytes);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        StackTraceElement[] at = e.getStackTrace();
        bugs.add(label + " (" + file + "): " + e + (at.length > 0 ? " at " + at[0] : ""));
        return "bug";
    }
}
