package io.mathsketch.benchmarks;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Starts and stops async-profiler in a running JVM (the server under load), through the JDK's Attach API:
 * {@code jcmd JVMTI.agent_load} cannot pass async-profiler's options, which contain '='. The native library ships
 * in this jar (Maven artifact {@code tools.profiler:async-profiler}, classifier {@code linux-x64}).
 *
 * <pre>
 *   java -cp benchmarks.jar io.mathsketch.benchmarks.ServerProfiler start &lt;pid&gt; &lt;work dir&gt;
 *   java -cp benchmarks.jar io.mathsketch.benchmarks.ServerProfiler stop &lt;pid&gt; &lt;work dir&gt; &lt;out.collapsed&gt;
 * </pre>
 *
 * CPU samples every millisecond ({@code event=cpu}: perf events where the kernel allows them, else a timer); the
 * output is collapsed stacks, one line per distinct stack with its sample count, which {@link ProfileSummary} reads.
 */
public final class ServerProfiler {

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

    private ServerProfiler() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[0].equals("start") || args[0].equals("stop") && args.length == 4)) {
            System.err.println("usage: ServerProfiler start <pid> <work dir> | stop <pid> <work dir> <out.collapsed>");
            System.exit(2);
        }
        Path library = extractLibrary(Path.of(args[2]));
        String options = args[0].equals("start")
                ? "start,event=cpu,interval=1ms"
                : "stop,file=" + Path.of(args[3]).toAbsolutePath() + ",collapsed";
        VirtualMachine vm = VirtualMachine.attach(args[1]);
        try {
            vm.loadAgentPath(library.toAbsolutePath().toString(), options);
        } finally {
            vm.detach();
        }
    }

    /** Copies the library out of this jar once; the target JVM loads it from the file. */
    static Path extractLibrary(Path directory) throws IOException {
        Path target = directory.resolve("libasyncProfiler.so");
        if (!Files.exists(target)) {
            Files.createDirectories(directory);
            try (InputStream in = ServerProfiler.class.getClassLoader().getResourceAsStream(LIBRARY)) {
                if (in == null) {
                    throw new IOException(LIBRARY + " is not on the class path (tools.profiler:async-profiler, "
                            + "classifier linux-x64)");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
