package io.mathsketch.corpus.fonts;

import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Other people's handwriting, and print, as installed fonts: the digit glyphs of Debian's handwriting font packages
 * and of two printed families. None of them is used in training. Each font was looked at on a contact sheet before
 * it was chosen; {@code fonts-femkeklaver} is not here because its digits are hollow sketched outlines, a shape
 * nobody writes with a pen.
 *
 * @param family  the family name Java2D looks the font up by
 * @param debianPackage the package that installs it
 * @param printed whether the font is print rather than handwriting
 */
public enum DigitFont {

    DKG_HANDWRITING("DkgHandwriting", "fonts-dkg-handwriting", false),
    BREIP("Breip", "fonts-breip", false),
    RUFSCRIPT("Rufscript", "fonts-rufscript", false),
    DELPHINE("Delphine", "fonts-sjfonts", false),
    STEVE("Steve", "fonts-sjfonts", false),
    COMIC_NEUE("Comic Neue", "fonts-comic-neue", false),
    BECAUSE_WE_BUILD("Because We Build", "fonts-bwht", false),
    BECAUSE_WE_CONNECT("Because We Connect", "fonts-bwht", false),
    BECAUSE_WE_CREATE("Because We Create", "fonts-bwht", false),
    BECAUSE_WE_LEARN("Because We Learn", "fonts-bwht", false),
    BECAUSE_WE_MENTOR("Because We Mentor", "fonts-bwht", false),
    BECAUSE_WE_ORGANIZE("Because We Organize", "fonts-bwht", false),
    DANCING_SCRIPT("Dancing Script", "fonts-dancingscript", false),
    HUMOR_SANS("Humor Sans", "fonts-humor-sans", false),
    DEJAVU_SANS("DejaVu Sans", "fonts-dejavu-core", true),
    DEJAVU_SERIF("DejaVu Serif", "fonts-dejavu-core", true),
    LIBERATION_SANS("Liberation Sans", "fonts-liberation", true),
    LIBERATION_SERIF("Liberation Serif", "fonts-liberation", true),
    LIBERATION_MONO("Liberation Mono", "fonts-liberation", true);

    private final String family;
    private final String debianPackage;
    private final boolean printed;

    DigitFont(String family, String debianPackage, boolean printed) {
        this.family = family;
        this.debianPackage = debianPackage;
        this.printed = printed;
    }

    public String family() {
        return family;
    }

    public String debianPackage() {
        return debianPackage;
    }

    public boolean printed() {
        return printed;
    }

    /** Whether Java2D finds this family with all ten digits (it silently substitutes "Dialog" for a missing one). */
    public boolean installed() {
        Font font = new Font(family, Font.PLAIN, 12);
        return font.getFamily(Locale.ROOT).equals(family) && font.canDisplayUpTo("0123456789") == -1;
    }

    /** The font at {@code size} points; fails naming the package to install when the family is not installed. */
    public Font font(float size) {
        if (!installed()) {
            throw new IllegalStateException(missingMessage(List.of(this)));
        }
        return new Font(family, Font.PLAIN, 12).deriveFont(size);
    }

    /** The fonts this machine lacks. */
    public static List<DigitFont> missing() {
        return Arrays.stream(values()).filter(f -> !f.installed()).toList();
    }

    /** What to install for {@code fonts}: their families and the apt command naming their packages. */
    public static String missingMessage(List<DigitFont> fonts) {
        return "font families " + fonts.stream().map(f -> "\"" + f.family + "\"").distinct().toList()
                + " are not installed: 'apt-get install -y " + String.join(" ",
                fonts.stream().map(f -> f.debianPackage).distinct().toList()) + "'";
    }

    /** Every package the fonts come from, for the apt command line. */
    public static List<String> packages() {
        return Arrays.stream(values()).map(f -> f.debianPackage).distinct().toList();
    }
}
