package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.symbols.SymbolSegmenter;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ImagePreprocessor#pageCrop}, what expression mode takes a line apart from: a photo of paper (grain, uneven
 * light, specks, JPEG) gives the line's strokes and nothing else, boxed in source pixels; a drawing with a flat
 * background gives exactly what the canvas rule ({@link ImagePreprocessor#inkCrop}) gives.
 */
class PageCropTest {

    private static final int W = 1200, H = 900;
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
    /** "1 7 2" in a row, 150 pixels high, from x = 300 to about 900. */
    private final List<CanvasRenderer.Placement> line = List.of(
            CanvasRenderer.place(SyntheticDigits.draw("1", 60, 0.12), 300, 380, 2.5),
            CanvasRenderer.place(SyntheticDigits.draw("7", 60, 0.12), 520, 380, 2.5),
            CanvasRenderer.place(SyntheticDigits.draw("2", 60, 0.12), 740, 380, 2.5));

    @Test
    void aPhotoOfALineGivesItsStrokesAndNotTheGrain() throws Exception {
        byte[] jpeg = CanvasRenderer.encode(photo(6, 7), "jpeg");

        InkCrop crop = preprocessor.pageCrop(jpeg, 1 << 20);

        Box box = crop.toSource(new Box(0, 0, crop.ink().width(), crop.ink().height()));
        Box clean = whole(preprocessor.inkCrop(CanvasRenderer.white(W, H).png(line), 1 << 20));
        assertTrue(Math.abs(box.x() - clean.x()) <= 8 && Math.abs(box.y() - clean.y()) <= 8
                && Math.abs(box.width() - clean.width()) <= 16 && Math.abs(box.height() - clean.height()) <= 16,
                "photo box " + box + ", canvas box " + clean);
        assertEquals(3, new SymbolSegmenter(64).segment(crop.ink()).size());
    }

    @Test
    void theCanvasRuleAloneSeesTheGrainAsInk() throws RecognitionException {
        // Why expression mode needs the photo path: the border's median is the background, grain beyond it is ink.
        InkCrop crop = preprocessor.inkCrop(CanvasRenderer.encode(photo(6, 7), "jpeg"), 1 << 20);
        Box box = whole(crop);
        assertTrue(box.width() > W / 2 && box.height() > H / 2, "the grain spans the frame: " + box);
    }

    @Test
    void aDrawingKeepsTheCanvasRule() throws RecognitionException {
        byte[] png = CanvasRenderer.white(W, H).png(line);

        InkCrop page = preprocessor.pageCrop(png, 1 << 20), ink = preprocessor.inkCrop(png, 1 << 20);

        assertEquals(whole(ink), whole(page));
        assertArrayEquals(ink.ink().ink(), page.ink().ink());
    }

    private static Box whole(InkCrop crop) {
        InkImage ink = crop.ink();
        return crop.toSource(new Box(0, 0, ink.width(), ink.height()));
    }

    /** The line on paper lit unevenly (darker to the right and down), with sensor grain and specks. */
    private BufferedImage photo(double grain, long seed) {
        float[] ink = CanvasRenderer.white(W, H).inkField(line);
        Random random = new Random(seed);
        float[] specks = new float[W * H];
        for (int s = 0; s < 40; s++) {
            int x = random.nextInt(W - 2), y = random.nextInt(H - 2);
            specks[y * W + x] = specks[y * W + x + 1] = specks[(y + 1) * W + x] = 0.5f;
        }
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                double light = (1 - 0.3 * x / W) * (1 - 0.2 * y / H);
                double v = 230 * (1 - 0.85 * Math.max(ink[i], specks[i])) * light + grain * random.nextGaussian();
                int g = (int) Math.max(0, Math.min(255, Math.round(v)));
                image.setRGB(x, y, new Color(g, g, Math.min(255, g + 8)).getRGB());
            }
        }
        return image;
    }
}
