package io.mathsketch.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;
import org.junit.jupiter.api.Test;

/**
 * {@link LineLevel}: a line of symbols photographed turned is found at its angle and turned level (as high as its
 * symbols again), a level line is left alone, and a turned crop's boxes map back onto the photo.
 */
class LineLevelTest {

    private static final int W = 420, H = 200;
    /** Ten symbols 12 x 20 pixels, 30 pixels apart along the line. */
    private static final int SYMBOLS = 10, SYMBOL_W = 12, SYMBOL_H = 20, PITCH = 30;

    /** The line written along {@code degrees} (falling to the right in image rows when positive), from (40, 80). */
    private static float[] line(double degrees) {
        double a = Math.toRadians(degrees), sin = Math.sin(a), cos = Math.cos(a);
        float[] ink = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double u = (x - 40) * cos + (y - 80) * sin, v = -(x - 40) * sin + (y - 80) * cos;
                boolean inSymbol = u >= 0 && u < SYMBOLS * PITCH && u % PITCH < SYMBOL_W && v >= 0 && v < SYMBOL_H;
                ink[y * W + x] = inSymbol ? 1f : 0f;
            }
        }
        return ink;
    }

    @Test
    void aTurnedLineIsFoundAtItsAngleAndTurnedLevel() {
        for (double degrees : new double[] {-9, 6}) {
            float[] ink = line(degrees);

            double angle = LineLevel.angle(ink, W, H);
            LineLevel.Levelled level = LineLevel.level(ink, W, H, angle, 1);

            assertEquals(degrees, Math.toDegrees(angle), LineLevel.STEP, "angle");
            assertTrue(level.height() <= SYMBOL_H + 3, "levelled height " + level.height());
            assertTrue(Math.abs(level.width() - ((SYMBOLS - 1) * PITCH + SYMBOL_W)) <= 3, "width " + level.width());
        }
    }

    @Test
    void aLineOfMoreInkThanVotesIsFoundAtItsAngle() {
        // Symbols as high as the plane allows: far more core pixels than vote, so only a spread sample of them does.
        int w = 1400, h = 700;
        double a = Math.toRadians(7), sin = Math.sin(a), cos = Math.cos(a);
        float[] ink = new float[w * h];
        int cores = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x - 60) * cos + (y - 150) * sin, v = -(x - 60) * sin + (y - 150) * cos;
                boolean inSymbol = u >= 0 && u < 1200 && u % 100 < 60 && v >= 0 && v < 300;
                ink[y * w + x] = inSymbol ? 1f : 0f;
                cores += inSymbol ? 1 : 0;
            }
        }

        assertTrue(cores > 2 * LineLevel.MAX_VOTES, "core pixels " + cores);
        assertEquals(7, Math.toDegrees(LineLevel.angle(ink, w, h)), LineLevel.STEP);
    }

    @Test
    void theTurnedBoxIsKnownBeforeResampling() {
        float[] ink = line(8);
        double angle = LineLevel.angle(ink, W, H);
        LineLevel.TurnedBox box = LineLevel.box(ink, W, H, angle);
        LineLevel.Levelled level = LineLevel.level(ink, W, H, angle, 2);

        assertEquals(box.width(2), level.width());
        assertEquals(box.height(2), level.height());
        assertEquals(box.turn(), level.turn());
    }

    @Test
    void aLevelLineIsLeftAsItIs() {
        assertEquals(0, LineLevel.angle(line(0), W, H));
        assertEquals(0, LineLevel.angle(line(LineLevel.LEAST_ANGLE / 2), W, H));
    }

    @Test
    void aTurnedCropsBoxesMapBackOntoThePhoto() {
        float[] ink = line(8);
        double angle = LineLevel.angle(ink, W, H);
        LineLevel.Levelled level = LineLevel.level(ink, W, H, angle, 2);
        InkCrop crop = new InkCrop(new InkImage(level.width(), level.height(), level.ink()), 100, 50, 3, true, 2,
                level.turn());

        // The first symbol, at the left end of the levelled line, lies at (40, 80)-(52, 100) of the turned plane's
        // source: three source pixels a working pixel, the crop 100 and 50 source pixels in.
        Box first = crop.toSource(new Box(0, 0, SYMBOL_W * 2, level.height()));

        assertEquals(100 + 40 * 3, first.x(), 4 * 3);
        assertEquals(50 + 80 * 3, first.y(), 4 * 3);
        Box whole = crop.toSource(new Box(0, 0, level.width(), level.height()));
        assertTrue(whole.width() > SYMBOLS * PITCH * 3 * 0.9 && whole.height() > SYMBOL_H * 3, whole.toString());
    }
}
