package io.mathsketch.corpus.fonts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes drawing {@code i} (default 0) of every digit of every font of {@link FontDigitConfig#TEST} as the canvas
 * PNG and the photo JPEG, to look at: {@code FontDigitSamples <dir> [i]}.
 */
public final class FontDigitSamples {

    private FontDigitSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int i = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        FontDigits set = new FontDigits(FontDigitConfig.TEST);
        for (DigitFont font : DigitFont.values()) {
            for (int digit = 0; digit < 10; digit++) {
                FontDigit d = set.digit(font, digit, i);
                String name = font.name().toLowerCase() + "-" + digit + "-" + i;
                Files.write(dir.resolve(name + ".png"), d.png());
                Files.write(dir.resolve(name + ".jpg"), set.photo(d).jpeg());
            }
        }
    }
}
