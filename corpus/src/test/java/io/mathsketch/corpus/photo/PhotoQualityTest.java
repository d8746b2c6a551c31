package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.CompleteMnistTest;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasQualityTest;
import io.mathsketch.engine.mnist.MnistSubset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition-quality floors on photos of paper (README, "Recognition quality"): the committed model reads
 * generated phone photos of MNIST test digits and of held-out pen strokes, posted as JPEG like a client would, and
 * reads every EXIF orientation of a photo as it reads the upright one.
 */
class PhotoQualityTest {

    /**
     * Photos per source in the set first read: MNIST test digits 0, 13, 26, ..., 1937 and held-out handwriting
     * drawings 0-149. The tuning sets mirror it (150 per source each).
     */
    static final int PER_SOURCE = 150;
    /**
     * Photos per source added on 2026-12-05 and read once: MNIST test digits {@link #ADDED_FIRST_MNIST},
     * {@code + 11}, ..., 9,939 (no photo tuning set draws from 2,000 on) and held-out drawings
     * {@link #ADDED_FIRST_DRAWING}-1,049 (after the canvas set's 0-599). One photo was 0.33% of the 300 first read,
     * as much as the distance between its figure and issue 11's 98.5%.
     */
    static final int ADDED_PER_SOURCE = 450;
    static final int ADDED_FIRST_MNIST = 5_000;
    static final int ADDED_FIRST_DRAWING = 600;
    /**
     * Issue 11's 98.5%, asserted on all 1,200 photos: measured 98.83% (1,186/1,200) with mnist-cnn 1.1.0, the 300
     * first read 98.33% (295/300) and the 900 added 99.00%, reported apart.
     */
    static final double PHOTO_FLOOR = 0.985;
    /** Photos turned through all eight orientations, in JPEG and PNG. */
    static final int ORIENTED = 24;

    /** The canvas set's hand: the photo set's drawings are that hand's, photographed. */
    static final HandConfig HAND = CanvasQualityTest.HAND;

    private static CommittedModel model;
    /** The same model opened again, for the second thread that reads the photo set. */
    private static CommittedModel secondModel;
    private static MnistSubset subset;

    @BeforeAll
    static void open() throws Exception {
        model = new CommittedModel();
        secondModel = new CommittedModel();
        subset = MnistSubset.load();
    }

    @AfterAll
    static void close() {
        model.close();
        secondModel.close();
    }

    @Test
    void photosOfDigitsOnPaperAreReadAsWellAsTheFloor() throws Exception {
        PhotoSet set = new PhotoSet(PhotoConfig.TEST, CompleteMnistTest.IMAGES, CompleteMnistTest.LABELS, HAND);
        // The photos in the order they are tallied, each with its count: 0/1 first read MNIST/handwriting, 2/3 added.
        List<Supplier<Photo>> photos = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < PER_SOURCE; i++) {
            int at = i;
            photos.add(() -> set.mnist(at * 13));
            photos.add(() -> set.hand(at));
            counts.addAll(List.of(0, 1));
        }
        for (int i = 0; i < ADDED_PER_SOURCE; i++) {
            int at = i;
            photos.add(() -> set.mnist(ADDED_FIRST_MNIST + 11 * at));
            photos.add(() -> set.hand(ADDED_FIRST_DRAWING + at));
            counts.addAll(List.of(2, 3));
        }
        Photo[] made = new Photo[photos.size()];
        String[] read = new String[photos.size()];
        readOnTwoThreads(photos, made, read);
        List<String> misses = new ArrayList<>();
        int[][] perDigit = new int[2][10];
        int[] right = new int[4];
        for (int k = 0; k < made.length; k++) {
            right[counts.get(k)] += tally(read[k], made[k], misses, perDigit) ? 1 : 0;
        }
        int[] first = {right[0], right[1]}, added = {right[2], right[3]};
        int photoCount = 2 * (PER_SOURCE + ADDED_PER_SOURCE);
        assertEquals(photoCount, made.length);
        double accuracy = (first[0] + first[1] + added[0] + added[1]) / (double) photoCount;
        String report = String.format("photos: %.2f%% of %d (first read: MNIST test digits %d/%d, held-out handwriting"
                + " %d/%d; added: MNIST test digits %d/%d, held-out handwriting %d/%d)%n  per digit:%s%n  %s",
                100 * accuracy, photoCount, first[0], PER_SOURCE, first[1], PER_SOURCE, added[0], ADDED_PER_SOURCE,
                added[1], ADDED_PER_SOURCE, perDigit(perDigit), String.join("\n  ", misses));
        System.out.println(report);
        assertTrue(accuracy >= PHOTO_FLOOR, report);
    }

    /**
     * Makes and reads the photos on two threads, each with its own model, taking the next photo as each gets free.
     * Each model is read by one thread only, so every photo is read alone (a batch of one) as on one thread, and the
     * readings are the same as one thread's; the second thread uses the core the other test JVM leaves idle when it
     * is done before this test, the largest of the module (README, CI time).
     */
    private static void readOnTwoThreads(List<Supplier<Photo>> photos, Photo[] made, String[] read) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> readers = new ArrayList<>();
        for (CommittedModel reader : List.of(model, secondModel)) {
            readers.add(() -> {
                for (int k = next.getAndIncrement(); k < photos.size(); k = next.getAndIncrement()) {
                    made[k] = photos.get(k).get();
                    read[k] = reader.read(made[k].jpeg());
                }
                return null;
            });
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(readers.size())) {
            for (Future<Void> done : threads.invokeAll(readers)) {
                done.get();
            }
        }
    }

    /**
     * Whether {@code model} reads the photo's JPEG as its label; a miss is added to {@code misses}, and the reading
     * counted in {@code perDigit} (row 0: read right, row 1: photos, by label).
     */
    static boolean readsItsLabel(CommittedModel model, Photo photo, List<String> misses, int[][] perDigit) {
        return tally(model.read(photo.jpeg()), photo, misses, perDigit);
    }

    /** Whether {@code read} is the photo's label, counted as {@link #readsItsLabel} counts it. */
    private static boolean tally(String read, Photo photo, List<String> misses, int[][] perDigit) {
        perDigit[1][photo.label()]++;
        if (read.equals(Integer.toString(photo.label()))) {
            perDigit[0][photo.label()]++;
            return true;
        }
        misses.add("read " + read + ": " + photo);
        return false;
    }

    /** The counts of {@link #readsItsLabel} as " 0 29/29, 1 39/42, ...". */
    static String perDigit(int[][] perDigit) {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < 10; d++) {
            text.append(d == 0 ? " " : ", ").append(d).append(' ').append(perDigit[0][d]).append('/')
                    .append(perDigit[1][d]);
        }
        return text.toString();
    }

    @Test
    void everyExifOrientationReadsTheSameDigitAsTheUprightPhoto() {
        PhotoSet set = new PhotoSet(PhotoConfig.ORIENTATION, subset.images(), subset.labels(), HAND);
        List<String> differences = new ArrayList<>();
        int correct = 0, readings = 0;
        for (int i = 0; i < ORIENTED; i++) {
            Photo photo = i % 2 == 0 ? set.mnist(i * 41 + 7) : set.hand(i);
            // Orientation 1 is the upright picture stored as is: the reading every other value must match.
            String jpeg = model.read(ExifVariants.jpeg(photo, 1)), png = model.read(ExifVariants.png(photo, 1));
            for (int orientation = 1; orientation <= 8; orientation++) {
                String turnedJpeg = model.read(ExifVariants.jpeg(photo, orientation));
                String turnedPng = model.read(ExifVariants.png(photo, orientation));
                if (!turnedJpeg.equals(jpeg)) {
                    differences.add("JPEG orientation " + orientation + " read " + turnedJpeg + ", upright " + jpeg
                            + ": " + photo);
                }
                if (!turnedPng.equals(png)) {
                    differences.add("PNG orientation " + orientation + " read " + turnedPng + ", upright " + png
                            + ": " + photo);
                }
                String label = Integer.toString(photo.label());
                correct += (turnedJpeg.equals(label) ? 1 : 0) + (turnedPng.equals(label) ? 1 : 0);
                readings += 2;
            }
        }
        System.out.printf("orientation: %d/%d readings correct, %d differ from upright%n", correct, readings,
                differences.size());
        assertEquals(List.of(), differences);
    }
}
