package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.snapshot.SnapshotTuning;
import io.mathsketch.corpus.snapshot.Snapshots;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.testing.Checkout;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Tuning aid, never run by the build ({@code SecondOpinionTuning <folder> ...}): how a second digit model would read
 * the photo tuning sets beside the committed {@code mnist-cnn}, alone and averaged with it. Each argument is a model
 * folder (its manifest's name equal to the folder's). Reads {@link PhotoTuning}'s four sets (1,200 photos),
 * {@link HardPhotoTuning}'s four (1,200) and the snapshot tuning set ({@code SnapshotTuning}, 300): each photo is
 * preprocessed once, its 28x28 input read by every model, and the probabilities combined (arithmetic and geometric
 * means, the second model's share 0.3, 0.5, 0.7), printing the score per set and every photo a combination reads
 * differently from the committed model. The inputs are kept in {@code -Dinputs=file} (default
 * {@code target/second-opinion-inputs.bin}) and read from it when it exists. Never the test sets.
 */
final class SecondOpinionTuning {

    private static final double[] SHARES = {0.3, 0.5, 0.7};

    private SecondOpinionTuning() {
    }

    private record Item(String set, String name, int label, byte[] jpeg) {
    }

    /**
     * Every tuning photo's 28x28 input as the engine makes it (null when blank), kept in a file so that each model
     * is compared on the same inputs without photographing and preprocessing 2,700 photos again.
     */
    private record Inputs(List<Item> items, List<float[]> digits) {

        static Inputs of(List<Item> items, Path cache) throws IOException {
            ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
            List<float[]> digits = new ArrayList<>();
            for (Item item : items) {
                try {
                    digits.add(preprocessor.digitInImage(item.jpeg()).digit().pixels());
                } catch (RecognitionException e) {
                    digits.add(null);
                }
            }
            Files.createDirectories(cache.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
                out.writeInt(items.size());
                for (int i = 0; i < items.size(); i++) {
                    out.writeUTF(items.get(i).set());
                    out.writeUTF(items.get(i).name());
                    out.writeInt(items.get(i).label());
                    out.writeBoolean(digits.get(i) != null);
                    if (digits.get(i) != null) {
                        for (float v : digits.get(i)) {
                            out.writeFloat(v);
                        }
                    }
                }
            }
            return new Inputs(items, digits);
        }

        static Inputs read(Path cache) throws IOException {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                int n = in.readInt();
                List<Item> items = new ArrayList<>(n);
                List<float[]> digits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(new Item(in.readUTF(), in.readUTF(), in.readInt(), null));
                    float[] digit = null;
                    if (in.readBoolean()) {
                        digit = new float[DigitImage.SIZE];
                        for (int k = 0; k < digit.length; k++) {
                            digit[k] = in.readFloat();
                        }
                    }
                    digits.add(digit);
                }
                return new Inputs(items, digits);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(System.getProperty("inputs", "target/second-opinion-inputs.bin"));
        Inputs inputs = Files.exists(cache) ? Inputs.read(cache) : Inputs.of(items(), cache);
        List<DjlRecognizer> models = new ArrayList<>();
        models.add(open(Checkout.models(), "mnist-cnn"));
        for (String arg : args) {
            Path folder = Path.of(arg).toAbsolutePath();
            models.add(open(folder.getParent(), folder.getFileName().toString()));
        }
        List<Item> items = inputs.items();
        // probabilities[item][model], null for a blank photo (a miss whatever the model).
        float[][][] probabilities = new float[items.size()][][];
        for (int i = 0; i < items.size(); i++) {
            float[] digit = inputs.digits().get(i);
            if (digit == null) {
                continue;
            }
            probabilities[i] = new float[models.size()][];
            for (int m = 0; m < models.size(); m++) {
                probabilities[i][m] = models.get(m).recognize(RecognitionRequest.digit(
                        new RecognitionRequest.Input.Pixels(digit))).digits().getFirst().probabilities();
            }
        }
        models.forEach(DjlRecognizer::close);
        report(items, probabilities, "committed alone", (p, q) -> p);
        for (int m = 1; m < models.size(); m++) {
            int second = m;
            System.out.println("== second model " + args[m - 1]);
            report(items, probabilities, "second alone", (p, q) -> q[second]);
            for (double share : SHARES) {
                report(items, probabilities, "arithmetic " + share, (p, q) -> arithmetic(q[0], q[second], share));
                report(items, probabilities, "geometric " + share, (p, q) -> geometric(q[0], q[second], share));
            }
        }
    }

    private static void report(List<Item> items, float[][][] probabilities, String name,
                               BiFunction<float[], float[][], float[]> combination) {
        StringBuilder line = new StringBuilder(String.format("%-16s", name));
        List<String> changes = new ArrayList<>();
        String set = null;
        int right = 0, count = 0, total = 0;
        for (int i = 0; i <= items.size(); i++) {
            if (i == items.size() || !items.get(i).set().equals(set)) {
                if (set != null) {
                    line.append(String.format("  %s %d/%d", set, right, count));
                    total += right;
                }
                if (i == items.size()) {
                    break;
                }
                set = items.get(i).set();
                right = 0;
                count = 0;
            }
            count++;
            if (probabilities[i] == null) {
                continue;
            }
            int read = winner(combination.apply(probabilities[i][0], probabilities[i]));
            int committed = winner(probabilities[i][0]);
            right += read == items.get(i).label() ? 1 : 0;
            if (read != committed) {
                changes.add(items.get(i).name() + " (" + items.get(i).label() + ") " + committed + " -> " + read);
            }
        }
        System.out.println(line.append("  all ").append(total).append("/").append(items.size()));
        if (!changes.isEmpty() && changes.size() <= 40) {
            System.out.println("    " + String.join(", ", changes));
        }
    }

    private static float[] arithmetic(float[] a, float[] b, double share) {
        float[] out = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = (float) ((1 - share) * a[k] + share * b[k]);
        }
        return out;
    }

    private static float[] geometric(float[] a, float[] b, double share) {
        float[] out = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = (float) ((1 - share) * Math.log(Math.max(a[k], 1e-30)) + share * Math.log(Math.max(b[k], 1e-30)));
        }
        return out;
    }

    private static int winner(float[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    private static DjlRecognizer open(Path directory, String name) throws Exception {
        return DjlRecognizer.open(EngineConfig.builder().modelsDirectory(directory).model(name).workers(1).build());
    }

    /** The photos of the three tuning sets, in order: their labels and JPEG bytes. */
    private static List<Item> items() throws Exception {
        MnistSubset subset = MnistSubset.load();
        List<Item> items = new ArrayList<>();
        for (int s = 0; s < PhotoTuning.sets(); s++) {
            PhotoSet set = new PhotoSet(PhotoTuning.config(s), subset.images(), subset.labels(), PhotoTuning.hand(s));
            for (int i = 0; i < PhotoQualityTest.PER_SOURCE; i++) {
                add(items, "PhotoTuning", "p" + s + "-mnist" + PhotoTuning.mnistIndex(s, i),
                        set.mnist(PhotoTuning.mnistIndex(s, i)));
                add(items, "PhotoTuning", "p" + s + "-hand" + i, set.hand(i));
            }
        }
        for (int s = 0; s < HardPhotoTuning.SETS; s++) {
            PhotoSet set = new PhotoSet(HardPhotoTuning.config(s), subset.images(), subset.labels(),
                    HardPhotoTuning.hand(s));
            for (int i = 0; i < PhotoQualityTest.PER_SOURCE; i++) {
                add(items, "HardPhotoTuning", "h" + s + "-mnist" + HardPhotoTuning.mnistIndex(s, i),
                        set.mnist(HardPhotoTuning.mnistIndex(s, i)));
                add(items, "HardPhotoTuning", "h" + s + "-hand" + i, set.hand(i));
            }
        }
        Snapshots snapshots = SnapshotTuning.set(300);
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshots.Snapshot snapshot = snapshots.snapshot(i);
            items.add(new Item("SnapshotTuning", "s" + i, snapshot.label(), snapshot.jpeg()));
        }
        return items;
    }

    private static void add(List<Item> items, String set, String name, Photo photo) {
        items.add(new Item(set, name, photo.label(), photo.jpeg()));
    }
}
