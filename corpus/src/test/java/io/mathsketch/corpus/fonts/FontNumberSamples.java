package io.mathsketch.corpus.fonts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the first {@code count} (default 3: one of each spacing) numbers of every font of
 * {@link FontNumberConfig#TUNING} as the canvas PNG and the photo JPEG, to look at:
 * {@code FontNumberSamples <dir> [count]}.
 */
public final class FontNumberSamples {

    private FontNumberSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        FontNumbers set = new FontNumbers(FontNumberConfig.TUNING);
        for (DigitFont font : set.config().fonts()) {
            for (int i = 0; i < count; i++) {
                FontNumber n = set.number(font, i);
                String name = font.name().toLowerCase(Locale.ROOT) + "-" + i + "-" + n.spacing() + "-" + n.text();
                Files.write(dir.resolve(name + ".png"), n.png());
                Files.write(dir.resolve(name + ".jpg"), set.photo(n).jpeg());
            }
        }
    }
}
