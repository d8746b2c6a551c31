package io.mathsketch.corpus.hand;

import java.util.SplittableRandom;

/**
 * One writer's hand for one drawing, drawn from a {@link HandConfig}: how it slants, stretches, rotates and
 * slowly distorts a glyph (the geometry, in {@link #place}), and how its pen shakes across a stroke
 * ({@link #tremor}). Sizes in canvas units; the tremor and wobble amplitudes are in em and scale with the digit.
 */
final class Hand {

    private static final int WAVES = 3;

    final double slant;
    final double rotation;
    final double height;
    final double aspect;
    final double penWidth;
    final double pointSpacing;
    final double speed;
    /** Pointer coordinates rounded to whole canvas units, as on a screen without sub-pixel pointer events. */
    final boolean wholeUnits;
    private final double tremor;
    private final HandConfig.TremorModel tremorModel;
    private final double[] tremorWaves;
    private final double wobble;
    private final double[] wobbleWaves;
    private final SplittableRandom random;

    Hand(HandConfig config, SplittableRandom random) {
        this.slant = Math.toRadians(config.slant().draw(random));
        this.rotation = Math.toRadians(config.rotation().draw(random));
        this.height = config.height().draw(random);
        this.aspect = config.aspect().draw(random);
        this.penWidth = config.penWidth().draw(random);
        this.pointSpacing = config.pointSpacing().draw(random);
        this.speed = config.speed().draw(random);
        this.wholeUnits = random.nextBoolean();
        this.tremor = config.tremor().draw(random);
        this.tremorModel = config.tremorModel();
        this.tremorWaves = new double[WAVES * 3];
        for (int k = 0; k < WAVES; k++) {
            tremorWaves[k * 3] = random.nextDouble();                 // weight
            tremorWaves[k * 3 + 1] = 3 + random.nextDouble() * 11;    // cycles per em
            tremorWaves[k * 3 + 2] = random.nextDouble() * 2 * Math.PI;
        }
        this.wobble = config.wobble().draw(random);
        this.wobbleWaves = new double[6];
        for (int k = 0; k < 6; k += 3) {
            wobbleWaves[k] = 0.4 + random.nextDouble() * 1.1;         // cycles per em across the glyph
            wobbleWaves[k + 1] = 0.4 + random.nextDouble() * 1.1;
            wobbleWaves[k + 2] = random.nextDouble() * 2 * Math.PI;
        }
        this.random = random;
    }

    /**
     * Maps an em point of the glyph to canvas units relative to the em box's centre, for a digit {@code size}
     * canvas units high: slow wobble, stretch, slant, rotation.
     */
    double[] place(double x, double y, double size) {
        double wx = x + wobble * Math.sin(2 * Math.PI * (wobbleWaves[0] * y + wobbleWaves[1] * x) + wobbleWaves[2]);
        double wy = y + wobble * Math.sin(2 * Math.PI * (wobbleWaves[3] * x + wobbleWaves[4] * y) + wobbleWaves[5]);
        double cx = (wx - 0.3) * aspect, cy = wy - 0.5;
        double sx = cx - Math.tan(slant) * cy;
        double cos = Math.cos(rotation), sin = Math.sin(rotation);
        return new double[] {(cos * sx - sin * cy) * size, (sin * sx + cos * cy) * size};
    }

    /**
     * The pen's sideways displacement at each point of a stroke, in canvas units, for a digit {@code size} units
     * high; {@code arc} holds the distance along the stroke (canvas units) of each point.
     */
    double[] tremor(double[] arc, double size) {
        double[] offsets = new double[arc.length];
        double amplitude = tremor * size;
        if (amplitude == 0) {
            return offsets;
        }
        switch (tremorModel) {
            case WAVES -> {
                double norm = 0;
                for (int k = 0; k < WAVES; k++) {
                    norm += tremorWaves[k * 3];
                }
                for (int i = 0; i < arc.length; i++) {
                    double s = arc[i] / size, v = 0;
                    for (int k = 0; k < WAVES; k++) {
                        v += tremorWaves[k * 3] * Math.sin(2 * Math.PI * tremorWaves[k * 3 + 1] * s + tremorWaves[k * 3 + 2]);
                    }
                    offsets[i] = amplitude * v / Math.max(norm, 1e-9);
                }
            }
            case DRIFT -> {
                // An Ornstein-Uhlenbeck walk along the stroke: correlated over about 5% of the digit's height.
                double correlation = 0.05 * size, value = random.nextGaussian();
                for (int i = 0; i < arc.length; i++) {
                    double step = i == 0 ? 0 : arc[i] - arc[i - 1];
                    double keep = Math.exp(-step / correlation);
                    value = keep * value + Math.sqrt(1 - keep * keep) * random.nextGaussian();
                    offsets[i] = amplitude * value;
                }
            }
        }
        return offsets;
    }
}
