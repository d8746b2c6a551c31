package io.mathsketch.server.api;

import io.helidon.http.HttpMediaType;
import io.helidon.http.ServerRequestHeaders;

import java.util.List;
import java.util.Locale;

/**
 * What a request's {@code Accept} says of one media type, by its q-values (RFC 9110 §12.5.1): the quality of the
 * most specific range that matches the type ({@code image/png} over {@code image/*} over {@code *}{@code /*}), 1
 * without an {@code Accept}, 0 when no range matches; a quality of 0 means "not acceptable".
 */
final class AcceptedTypes {

    private final List<HttpMediaType> ranges;
    private final boolean any;

    private AcceptedTypes(List<HttpMediaType> ranges, boolean any) {
        this.ranges = ranges;
        this.any = any;
    }

    static AcceptedTypes of(ServerRequestHeaders headers) {
        List<HttpMediaType> ranges = headers.acceptedTypes();
        return new AcceptedTypes(ranges, ranges.isEmpty());
    }

    /** The quality given to {@code type} ({@code image/png}) by any range, wildcards included. */
    double quality(String type) {
        return quality(type, true);
    }

    /**
     * The quality given to {@code type} by a range naming it exactly, 0 without one: for a type served only to a
     * client that asks for it by name, never to a browser's {@code *}{@code /*}.
     */
    double qualityNamed(String type) {
        return quality(type, false);
    }

    private double quality(String type, boolean wildcards) {
        if (any) {
            return wildcards ? 1 : 0;
        }
        int slash = type.indexOf('/');
        String main = type.substring(0, slash);
        String sub = type.substring(slash + 1);
        int best = -1;
        double quality = 0;
        for (HttpMediaType range : ranges) {
            String rangeMain = range.mediaType().type().toLowerCase(Locale.ROOT);
            String rangeSub = range.mediaType().subtype().toLowerCase(Locale.ROOT);
            int specificity;
            if (rangeMain.equals(main) && rangeSub.equals(sub)) {
                specificity = 2;
            } else if (wildcards && rangeMain.equals(main) && rangeSub.equals("*")) {
                specificity = 1;
            } else if (wildcards && rangeMain.equals("*") && rangeSub.equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            // Of equally specific ranges (a type listed twice), the higher quality.
            if (specificity > best || specificity == best && range.qualityFactor() > quality) {
                best = specificity;
                quality = range.qualityFactor();
            }
        }
        return quality;
    }
}
