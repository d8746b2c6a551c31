package io.mathsketch.benchmarks;

import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The bare-Inflater reference over a set of PNGs, the least work any PNG decoder must do per image: each call inflates
 * the next image's zlib stream (its IDAT data, {@link PngIdat}) with one reused {@link Inflater} into one reused
 * buffer, round robin. The JMH payload and preprocessing benchmarks, the pipeline split and the regression guard's
 * control all measure this same loop. Not thread-safe; {@link #close()} frees the inflater's native memory.
 */
final class InflateReference implements AutoCloseable {

    private final PngIdat[] idat;
    private final Inflater inflater = new Inflater();
    private final byte[] inflated;
    private int next;

    /** Over these PNGs, in this order. */
    InflateReference(List<byte[]> pngs) {
        idat = new PngIdat[pngs.size()];
        int largest = 0;
        for (int i = 0; i < idat.length; i++) {
            idat[i] = PngIdat.of(pngs.get(i));
            largest = Math.max(largest, idat[i].inflatedSize());
        }
        inflated = new byte[largest];
    }

    /** Over every image of {@code images} (PNGs). */
    InflateReference(Payloads images) {
        this(IntStream.range(0, images.size()).mapToObj(images::get).toList());
    }

    /** Inflates the next image; returns the bytes it inflated to. */
    int inflateNext() throws DataFormatException {
        PngIdat png = idat[next];
        next = next + 1 == idat.length ? 0 : next + 1;
        return png.inflate(inflater, inflated);
    }

    /** Inflates each image once and fails if one did not inflate whole: the reference must do the whole job. */
    void checkWhole(String what) throws DataFormatException {
        for (int i = 0; i < idat.length; i++) {
            PngIdat png = idat[next];
            if (inflateNext() != png.inflatedSize()) {
                throw new IllegalStateException("the reference did not inflate a whole image of " + what);
            }
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
