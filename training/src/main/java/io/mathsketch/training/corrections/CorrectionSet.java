package io.mathsketch.training.corrections;

import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Exported corrections as a training set: 28x28 inputs, the corrected labels and the model version that was wrong.
 * {@link #split} keeps a share aside, chosen by the recognition id (stable whatever the order or the other rows), so
 * that a correction never moves between the training and the held-out part when the store grows.
 */
public record CorrectionSet(List<Correction> corrections) {

    public static final String IMAGES = "corrections-images-idx3-ubyte.gz";
    public static final String LABELS = "corrections-labels-idx1-ubyte.gz";
    public static final String INDEX = "corrections.csv";

    public CorrectionSet {
        corrections = List.copyOf(corrections);
    }

    public int size() {
        return corrections.size();
    }

    /** The training part and the held-out part ({@code heldOutShare} of the recognitions, by id). */
    public Split split(double heldOutShare) {
        List<Correction> train = new ArrayList<>(), heldOut = new ArrayList<>();
        for (Correction c : corrections) {
            (heldOut(c.recognition(), heldOutShare) ? heldOut : train).add(c);
        }
        return new Split(new CorrectionSet(train), new CorrectionSet(heldOut));
    }

    public record Split(CorrectionSet train, CorrectionSet heldOut) {
    }

    private static boolean heldOut(String id, double share) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10_000 < share * 10_000;
    }

    public MnistImages images() {
        byte[] pixels = new byte[corrections.size() * DigitImage.SIZE];
        for (int i = 0; i < corrections.size(); i++) {
            System.arraycopy(corrections.get(i).pixels(), 0, pixels, i * DigitImage.SIZE, DigitImage.SIZE);
        }
        return new MnistImages(corrections.size(), DigitImage.SIDE, DigitImage.SIDE, pixels);
    }

    public MnistLabels labels() {
        byte[] labels = new byte[corrections.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) corrections.get(i).label();
        }
        return new MnistLabels(labels);
    }

    /** Corrections per model version that was wrong ("mnist-cnn:1.1.0" -> 212). */
    public Map<String, Integer> byModel() {
        Map<String, Integer> counts = new TreeMap<>();
        corrections.forEach(c -> counts.merge(c.model(), 1, Integer::sum));
        return counts;
    }

    /** "true -> answered" pairs and their counts ("1 read as 7" -> 180). */
    public Map<String, Integer> byConfusion() {
        Map<String, Integer> counts = new TreeMap<>();
        corrections.forEach(c -> counts.merge(c.label() + " read as " + c.predicted(), 1, Integer::sum));
        return counts;
    }

    /**
     * Writes the set into {@code dir}: the inputs and labels as gzipped IDX files (the MNIST format) and one CSV line
     * per correction (recognition id, digit position, label, answer, model, version).
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(IMAGES))) {
            IdxFile.write(images(), out, true);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(LABELS))) {
            IdxFile.write(labels(), out, true);
        }
        StringBuilder csv = new StringBuilder("recognition,position,label,answered,model_name,model_version\n");
        for (Correction c : corrections) {
            csv.append(c.recognition()).append(',').append(c.position()).append(',').append(c.label()).append(',')
                    .append(c.predicted()).append(',').append(csvField(c.modelName())).append(',')
                    .append(csvField(c.modelVersion())).append('\n');
        }
        Files.writeString(dir.resolve(INDEX), csv, StandardCharsets.UTF_8);
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
