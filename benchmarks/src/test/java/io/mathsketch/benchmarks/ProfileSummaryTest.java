package io.mathsketch.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileSummaryTest {

    private static final List<String> PROFILE = List.of(
            // zlib under the PNG decoder: preprocessing, although the request handler is above it
            "java/lang/Thread.run;io/mathsketch/server/api/RecognitionService.recognize;"
                    + "io/mathsketch/engine/preprocess/PngDecoder.decode;java/util/zip/Inflater.inflate;inflate_fast 50",
            // the ONNX Runtime call under the engine's worker: inference
            "java/lang/Thread.run;io/mathsketch/engine/inference/InferenceWorker.run;"
                    + "ai/onnxruntime/OrtSession.run;/tmp/onnxruntime-java1/libonnxruntime.so 30",
            // kernel time under a socket write: HTTP
            "java/lang/Thread.run;io/helidon/webserver/http1/Http1ServerResponse.send;sun/nio/ch/SocketDispatcher.write;"
                    + "do_syscall_64_[k] 15",
            "start_thread;something_unknown 5");

    @Test
    void eachStackCountsForItsDeepestCategorisedFrame() {
        Map<String, Double> shares = ProfileSummary.shares(PROFILE);
        assertEquals(50.0, shares.get("preprocessing (PNG decode, centring)"), 1e-9);
        assertEquals(30.0, shares.get("inference (ONNX Runtime / PyTorch)"), 1e-9);
        assertEquals(15.0, shares.get("HTTP (Helidon, sockets)"), 1e-9);
        assertEquals(5.0, shares.get("other"), 1e-9);
        assertEquals(4, shares.size());
    }

    @Test
    void theReportListsCategoriesLargestFirstAndTheHottestFrames() {
        String md = ProfileSummary.markdown(PROFILE);
        assertTrue(md.startsWith("100 CPU samples"), md);
        int pre = md.indexOf("| preprocessing (PNG decode, centring) | 50.0% |");
        int inf = md.indexOf("| inference (ONNX Runtime / PyTorch) | 30.0% |");
        assertTrue(pre > 0 && inf > pre, md);
        assertTrue(md.contains("| inflate_fast | 50.0% |"), md);
        assertTrue(md.contains("| libonnxruntime.so | 30.0% |"), "native libraries by file name, not temp path: " + md);
    }

    @Test
    void theProfilerLibraryShipsInTheBenchmarksJar(@TempDir Path dir)
            throws Exception {
        Path library = ServerProfiler.extractLibrary(dir);
        byte[] head = Files.readAllBytes(library);
        assertTrue(head.length > 100_000 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F',
                "an ELF shared library");
    }
}
