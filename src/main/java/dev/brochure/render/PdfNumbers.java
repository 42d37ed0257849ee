package dev.brochure.render;

/** Numbers as the PDF objects and content streams the renderer writes itself spell them. */
final class PdfNumbers {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private PdfNumbers() {
    }

    /**
     * {@code value} rounded (half away from zero) to at most {@code decimals} places, without
     * trailing zeros or exponent: 12.5, 0.09412, -3, 0.
     */
    static String format(double value, int decimals) {
        StringBuilder out = new StringBuilder(12);
        append(out, value, decimals);
        return out.toString();
    }

    static void append(StringBuilder out, double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a PDF number: " + value);
        }
        long scale = POWERS[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        if (scaled == 0) {
            out.append('0');
            return;
        }
        if (value < 0) {
            out.append('-');
        }
        out.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction != 0) {
            int places = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                places--;
            }
            out.append('.');
            String digits = Long.toString(fraction);
            for (int i = digits.length(); i < places; i++) {
                out.append('0');
            }
            out.append(digits);
        }
    }
}
