package io.mathsketch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Summarises a CPU profile in collapsed-stack form (one line per stack, frames root first separated by ';', then
 * the sample count) as the share of samples per part of the server: each stack counts for the category of its
 * deepest frame that matches one, so time in zlib under the PNG decoder counts as preprocessing and kernel time under
 * a socket write as HTTP.
 *
 * <pre>java -cp benchmarks.jar io.mathsketch.benchmarks.ProfileSummary profile.collapsed</pre>
 */
public final class ProfileSummary {

    /** A part of the server and the frame-name fragments that identify it; earlier categories win ties. */
    record Category(String name, List<String> fragments) {
        boolean matches(String frame) {
            return fragments.stream().anyMatch(frame::contains);
        }
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("GC", List.of("G1", "GCTaskThread", "ParallelTask", "ConcurrentGCThread", "WorkerThread::run")),
            new Category("JIT compiler", List.of("CompileBroker", "C2Compiler", "Compilation::")),
            new Category("inference (ONNX Runtime / PyTorch)", List.of("libonnxruntime", "OrtSession", "libtorch",
                    "PtNDArray")),
            new Category("storage (H2 / JDBC / group commit)", List.of("org/h2", "io/helidon/dbclient", "com/zaxxer",
                    "RecognitionWriter", "RecognitionStore")),
            new Category("logging", List.of("java/util/logging", "AccessLog")),
            new Category("JSON", List.of("parsson", "jakarta/json", "RecognitionJson", "ReadingsJson")),
            new Category("preprocessing (PNG decode, centring)", List.of("io/mathsketch/engine/preprocess",
                    "io/mathsketch/engine/codec", "io/mathsketch/engine/segment", "Inflater", "inflate", "adler32",
                    "javax/imageio")),
            new Category("metrics", List.of("micrometer", "io/helidon/metrics", "HdrHistogram")),
            new Category("engine (queue, batching, DJL)", List.of("io/mathsketch/engine", "ai/djl")),
            new Category("server (request handling)", List.of("io/mathsketch/server")),
            new Category("HTTP (Helidon, sockets)", List.of("io/helidon/webserver", "io/helidon/http", "sun/nio",
                    "java/net", "SocketDispatcher")),
            new Category("virtual-thread scheduling", List.of("ForkJoin", "Continuation", "VirtualThread")));

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProfileSummary <profile.collapsed>");
            System.exit(2);
        }
        System.out.print(markdown(Files.readAllLines(Path.of(args[0]))));
    }

    /** Share of samples per category, largest first, and the hottest leaf frames. */
    static String markdown(List<String> collapsed) {
        List<Stack> stacks = parse(collapsed);
        long total = stacks.stream().mapToLong(Stack::samples).sum();
        Map<String, Long> byCategory = count(stacks, s -> category(s.frames()));
        Map<String, Long> byLeaf = count(stacks, s -> s.frames()[s.frames().length - 1]);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d CPU samples (1 ms each) of the server process.%n%n", total));
        md.append("| part of the server | share of CPU |\n|---|---:|\n");
        appendShares(md, byCategory, total, byCategory.size());
        md.append("\n| hottest frames (self time) | share of CPU |\n|---|---:|\n");
        appendShares(md, byLeaf, total, 12);
        return md.toString();
    }

    /** Category shares in percent. */
    static Map<String, Double> shares(List<String> collapsed) {
        List<Stack> stacks = parse(collapsed);
        long total = stacks.stream().mapToLong(Stack::samples).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        count(stacks, s -> category(s.frames())).forEach((k, v) -> shares.put(k, 100.0 * v / total));
        return shares;
    }

    private record Stack(String[] frames, long samples) {
    }

    private static List<Stack> parse(List<String> collapsed) {
        return collapsed.stream()
                .filter(line -> line.lastIndexOf(' ') > 0)
                .map(line -> {
                    int space = line.lastIndexOf(' ');
                    return new Stack(Arrays.stream(line.substring(0, space).split(";"))
                            .map(ProfileSummary::withoutDirectory).toArray(String[]::new),
                            Long.parseLong(line.substring(space + 1).trim()));
                })
                .toList();
    }

    /**
     * A native library frame is its file's absolute path, which for ONNX Runtime is a fresh temporary folder per run
     * ({@code /tmp/onnxruntime-java123.../libonnxruntime.so}): only the file name says anything.
     */
    private static String withoutDirectory(String frame) {
        return frame.startsWith("/") ? frame.substring(frame.lastIndexOf('/') + 1) : frame;
    }

    private static Map<String, Long> count(List<Stack> stacks, Function<Stack, String> key) {
        return stacks.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.summingLong(Stack::samples)));
    }

    /** The category of the deepest frame that has one, or "other". */
    static String category(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            for (Category c : CATEGORIES) {
                if (c.matches(frames[i])) {
                    return c.name();
                }
            }
        }
        return "other";
    }

    private static void appendShares(StringBuilder md, Map<String, Long> counts, long total, int limit) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n",
                        e.getKey().replace("|", "/"), 100.0 * e.getValue() / total)));
    }
}
