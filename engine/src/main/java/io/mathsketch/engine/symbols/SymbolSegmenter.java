package io.mathsketch.engine.symbols;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the symbols of one written line: 8-connected ink components, then components that share most of their
 * horizontal extent joined into one symbol (the bars of {@code =}, the bar and dots of {@code ÷}, a digit drawn in
 * two strokes), ordered left to right. Work and memory are bounded: at most {@code maxParts} components are traced
 * and at most {@code maxSymbols} symbols returned. Thread-safe and stateless.
 */
public final class SymbolSegmenter {

    /** Components smaller than this many ink pixels are noise (a stray sensor speck), not a dot. */
    private static final int MIN_PIXELS = 3;
    /** Two components overlapping horizontally by this share of the narrower one belong to one symbol. */
    private static final double SAME_SYMBOL_OVERLAP = 0.5;

    private final int maxSymbols;
    private final int maxParts;

    public SymbolSegmenter(int maxSymbols) {
        if (maxSymbols < 1) {
            throw new IllegalArgumentException("maxSymbols must be positive");
        }
        this.maxSymbols = maxSymbols;
        this.maxParts = maxSymbols * 4;
    }

    /** Thrown when a line holds more symbols or parts than the segmenter may handle. */
    public static final class TooManySymbols extends Exception {
        TooManySymbols(String message) {
            super(message);
        }
    }

    /** The symbols of {@code image}, left to right; empty when it holds no ink. */
    public List<SymbolGroup> segment(InkImage image) throws TooManySymbols {
        return group(image, marks(image));
    }

    /**
     * The line's separate marks (8-connected components), left to right by centre, for a reading that decides
     * itself which marks make one symbol ({@link SymbolLattice}).
     */
    public List<Mark> marks(InkImage image) throws TooManySymbols {
        List<Component> components = components(image);
        components.sort(Comparator.comparingDouble(Component::centreX));
        List<Mark> marks = new ArrayList<>(components.size());
        for (Component c : components) {
            marks.add(new Mark(Arrays.copyOf(c.pixels, c.size), new Box(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0),
                    marks.size(), true));
        }
        return marks;
    }

    /** Marks (left to right) sharing most of their horizontal extent joined into symbols, by geometry alone. */
    public List<SymbolGroup> group(InkImage image, List<Mark> marks) throws TooManySymbols {
        List<List<Mark>> groups = new ArrayList<>();
        for (Mark m : marks) {
            List<Mark> last = groups.isEmpty() ? null : groups.getLast();
            if (last != null && sameSymbol(last, m)) {
                last.add(m);
            } else {
                groups.add(new ArrayList<>(List.of(m)));
            }
        }
        if (groups.size() > maxSymbols) {
            throw new TooManySymbols("more than " + maxSymbols + " symbols");
        }
        List<SymbolGroup> out = new ArrayList<>(groups.size());
        for (List<Mark> group : groups) {
            out.add(crop(image, group));
        }
        return out;
    }

    private static boolean sameSymbol(List<Mark> group, Mark m) {
        int x0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE;
        for (Mark g : group) {
            x0 = Math.min(x0, g.box().x());
            x1 = Math.max(x1, g.x1());
        }
        int overlap = Math.min(x1, m.x1()) - Math.max(x0, m.box().x());
        int narrower = Math.min(x1 - x0, m.box().width());
        return overlap > 0 && overlap >= SAME_SYMBOL_OVERLAP * narrower;
    }

    /** 8-connected components by an explicit stack; labels in one int plane, pixels kept per component. */
    private List<Component> components(InkImage image) throws TooManySymbols {
        int w = image.width(), h = image.height();
        float[] ink = image.ink();
        int[] label = new int[w * h];
        int[] stack = new int[64];
        List<Component> out = new ArrayList<>();
        int next = 1;
        for (int start = 0; start < ink.length; start++) {
            if (ink[start] < MnistCentering.INK_THRESHOLD || label[start] != 0) {
                continue;
            }
            Component c = new Component();
            label[start] = next;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int p = stack[--top];
                c.add(p, w);
                int px = p % w, py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int y = py + dy;
                    if (y < 0 || y >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int x = px + dx;
                        if (x < 0 || x >= w) {
                            continue;
                        }
                        int q = y * w + x;
                        if (label[q] == 0 && ink[q] >= MnistCentering.INK_THRESHOLD) {
                            label[q] = next;
                            if (top == stack.length) {
                                stack = Arrays.copyOf(stack, top * 2);
                            }
                            stack[top++] = q;
                        }
                    }
                }
            }
            next++;
            if (c.size >= MIN_PIXELS) {
                if (out.size() == maxParts) {
                    throw new TooManySymbols("more than " + maxParts + " separate marks");
                }
                out.add(c);
            }
        }
        return out;
    }

    /** The group's box and a crop of it holding only the group's own pixels. */
    static SymbolGroup crop(InkImage image, List<Mark> group) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        List<Box> parts = new ArrayList<>(group.size());
        for (Mark m : group) {
            Box b = m.box();
            x0 = Math.min(x0, b.x());
            y0 = Math.min(y0, b.y());
            x1 = Math.max(x1, b.x() + b.width());
            y1 = Math.max(y1, b.y() + b.height());
            parts.add(b);
        }
        int cw = x1 - x0, ch = y1 - y0;
        float[] crop = new float[cw * ch];
        float[] ink = image.ink();
        int w = image.width();
        for (Mark m : group) {
            for (int p : m.pixels()) {
                int x = p % w - x0, y = p / w - y0;
                crop[y * cw + x] = ink[p];
            }
        }
        return new SymbolGroup(new Box(x0, y0, cw, ch), parts, new InkImage(cw, ch, crop));
    }

    /** One traced component: its pixels (indices into the image) and bounds (exclusive ends). */
    private static final class Component {
        int[] pixels = new int[32];
        int size;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;

        void add(int p, int width) {
            if (size == pixels.length) {
                pixels = Arrays.copyOf(pixels, size * 2);
            }
            pixels[size++] = p;
            int x = p % width, y = p / width;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x + 1);
            y1 = Math.max(y1, y + 1);
        }

        double centreX() {
            return (x0 + x1) / 2.0;
        }
    }
}
