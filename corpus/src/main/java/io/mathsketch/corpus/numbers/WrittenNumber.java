package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.image.Box;

import java.util.List;

/**
 * One generated number as the drawing page would post it.
 *
 * @param text    the digits written, left to right
 * @param kind    what makes it hard
 * @param source  where the digits' shapes come from
 * @param sources each digit's origin ({@code mnist-test #5012}, {@code FOUR_OPEN #88 broken}), for reports
 * @param boxes   each digit's ink box on the canvas
 * @param png     the canvas export: 8-bit RGBA, black ink on opaque white
 */
public record WrittenNumber(String text, NumberKind kind, NumberSource source, List<String> sources, List<Box> boxes,
                            byte[] png) {

    public WrittenNumber {
        sources = List.copyOf(sources);
        boxes = List.copyOf(boxes);
    }

    @Override
    public String toString() {
        return text + " " + kind + " " + source + " " + sources;
    }
}
