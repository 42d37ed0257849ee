package dev.brochure.vocab;

/** Page margins in points, measured from the trim edge. */
public record Margins(double top, double right, double bottom, double left) {

    public static Margins all(double value) {
        return new Margins(value, value, value, value);
    }
}
