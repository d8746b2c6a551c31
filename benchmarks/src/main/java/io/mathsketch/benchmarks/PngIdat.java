package io.mathsketch.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The zlib stream of a PNG (its IDAT chunks joined) and the size it inflates to, for the bare-Inflater reference: the
 * least work any PNG decoder must do. Benchmark setup only; assumes a well-formed file, as the samples are.
 *
 * @param zlib the concatenated IDAT payloads
 * @param inflatedSize filtered scanline bytes: {@code height * (1 + width * bytesPerPixel)}
 */
public record PngIdat(byte[] zlib, int inflatedSize) {

    public static PngIdat of(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(8);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        int inflated = -1;
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            int start = in.position();
            if (name.equals("IHDR")) {
                int width = in.getInt(start), height = in.getInt(start + 4);
                int bitDepth = png[start + 8], colourType = png[start + 9];
                int channels = switch (colourType) {
                    case 0, 3 -> 1;
                    case 2 -> 3;
                    case 4 -> 2;
                    case 6 -> 4;
                    default -> throw new IllegalArgumentException("PNG colour type " + colourType);
                };
                int rowBytes = (width * channels * bitDepth + 7) / 8;
                inflated = height * (1 + rowBytes);
            } else if (name.equals("IDAT")) {
                idat.write(png, start, length);
            }
            in.position(start + length + 4);
        }
        if (inflated < 0 || idat.size() == 0) {
            throw new IllegalArgumentException("not a PNG with IHDR and IDAT");
        }
        return new PngIdat(idat.toByteArray(), inflated);
    }

    /** Inflates the data into {@code into} (at least {@link #inflatedSize()} long) with a reset {@code inflater}. */
    public int inflate(Inflater inflater, byte[] into) throws DataFormatException {
        inflater.reset();
        inflater.setInput(zlib);
        int total = 0;
        while (!inflater.finished() && total < inflatedSize) {
            int n = inflater.inflate(into, total, inflatedSize - total);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            total += n;
        }
        return total;
    }
}
