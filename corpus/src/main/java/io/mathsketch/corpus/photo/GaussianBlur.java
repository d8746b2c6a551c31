package io.mathsketch.corpus.photo;

/**
 * A separable Gaussian blur of a plane in place, edges clamped: the lens's defocus, a wipe's smear. Shared by the
 * cameras written after {@link PaperPhoto} (scans, whiteboards, snapshots); each still chooses its own amounts, so
 * sharing the operation shares none of their conditions. {@link PaperPhoto} keeps its own, which normalises the
 * kernel in double precision: its sets' bytes, and the figures measured on them, were made with it.
 */
public final class GaussianBlur {

    private GaussianBlur() {
    }

    /** Blurs {@code plane} ({@code w x h}, row-major) with a Gaussian of {@code sigma} pixels, three of them wide. */
    public static void inPlace(float[] plane, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        float total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            total += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        float[] tmp = new float[plane.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                boolean inside = x >= r && x < w - r; // clamped at the edges only: most of a frame is inside
                for (int i = -r; i <= r; i++) {
                    sum += k[i + r] * plane[y * w + (inside ? x + i : Math.max(0, Math.min(w - 1, x + i)))];
                }
                tmp[y * w + x] = sum;
            }
        }
        for (int y = 0; y < h; y++) {
            boolean inside = y >= r && y < h - r;
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int i = -r; i <= r; i++) {
                    sum += k[i + r] * tmp[(inside ? y + i : Math.max(0, Math.min(h - 1, y + i))) * w + x];
                }
                plane[y * w + x] = sum;
            }
        }
    }
}
