package io.mathsketch.training.symbols;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.symbols.SymbolImages;
import io.mathsketch.corpus.symbols.SymbolStyle;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Images of the symbols that are not digits, labelled with their {@link Symbol} ordinal (the symbol model's label
 * index), in MNIST's byte layout so that the digit trainer takes them as they are. Styles the model is not asked to
 * tell apart are left out: the multiplication dot is a dot to the model, and {@code SymbolGeometry} reads it from its
 * place on the line.
 */
public final class SymbolTrainingSet {

    /** Symbol styles the model learns: all but those the geometry reads alone. */
    public static final List<SymbolStyle> LEARNED = List.of(SymbolStyle.values()).stream()
            .filter(s -> s != SymbolStyle.TIMES_DOT).toList();

    private SymbolTrainingSet() {
    }

    /** {@code perSymbol} drawings of each non-digit symbol by {@code config}'s hand, its styles taking turns. */
    public static Labelled draw(HandConfig config, int perSymbol) {
        SymbolImages images = new SymbolImages(config);
        List<Symbol> symbols = LEARNED.stream().map(SymbolStyle::symbol).distinct().toList();
        int count = symbols.size() * perSymbol;
        byte[] pixels = new byte[count * DigitImage.SIZE];
        byte[] labels = new byte[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            Symbol symbol = symbols.get(i / perSymbol);
            int n = i % perSymbol;
            List<SymbolStyle> styles = LEARNED.stream().filter(s -> s.symbol() == symbol).toList();
            DigitImage image = images.image(styles.get(n % styles.size()), n / styles.size());
            float[] p = image.pixels();
            for (int k = 0; k < p.length; k++) {
                pixels[i * DigitImage.SIZE + k] = (byte) Math.round(Math.max(0, Math.min(1, p[k])) * 255);
            }
            labels[i] = (byte) symbol.ordinal();
        });
        return new Labelled(new MnistImages(count, DigitImage.SIDE, DigitImage.SIDE, pixels), new MnistLabels(labels));
    }

    /**
     * {@code perDigit} drawings of each digit by {@code config}'s hand, its styles taking turns, drawn and read as the
     * other symbols are (MNIST's digits were written on paper and scanned; the operators are drawn by the generator,
     * and without drawn digits the model takes a drawn 1 for the slash of ÷).
     */
    public static Labelled drawDigits(HandConfig config, int perDigit) {
        SymbolImages images = new SymbolImages(config);
        int count = 10 * perDigit;
        byte[] pixels = new byte[count * DigitImage.SIZE];
        byte[] labels = new byte[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            int digit = i / perDigit, n = i % perDigit;
            List<DigitStyle> styles = DigitStyle.of(digit).stream().filter(config.styles()::contains).toList();
            float[] p = images.digit(styles.get(n % styles.size()), n / styles.size()).pixels();
            for (int k = 0; k < p.length; k++) {
                pixels[i * DigitImage.SIZE + k] = (byte) Math.round(Math.max(0, Math.min(1, p[k])) * 255);
            }
            labels[i] = (byte) Symbol.digit(digit).ordinal();
        });
        return new Labelled(new MnistImages(count, DigitImage.SIDE, DigitImage.SIDE, pixels), new MnistLabels(labels));
    }

    /** Two labelled sets one after the other. */
    public static Labelled concat(Labelled a, Labelled b) {
        int n = a.images().count() + b.images().count();
        byte[] pixels = new byte[n * DigitImage.SIZE];
        byte[] labels = new byte[n];
        System.arraycopy(a.images().pixels(), 0, pixels, 0, a.images().pixels().length);
        System.arraycopy(b.images().pixels(), 0, pixels, a.images().pixels().length, b.images().pixels().length);
        for (int i = 0; i < a.labels().count(); i++) {
            labels[i] = (byte) a.labels().label(i);
        }
        for (int i = 0; i < b.labels().count(); i++) {
            labels[a.labels().count() + i] = (byte) b.labels().label(i);
        }
        return new Labelled(new MnistImages(n, DigitImage.SIDE, DigitImage.SIDE, pixels), new MnistLabels(labels));
    }

    /** Images with their labels. */
    public record Labelled(MnistImages images, MnistLabels labels) {
    }
}
