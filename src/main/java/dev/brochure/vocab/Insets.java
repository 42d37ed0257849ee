package dev.brochure.vocab;

/** Space inside a box's edges, in points. */
public record Insets(double top, double right, double bottom, double left) {

    public static final Insets NONE = new Insets(0, 0, 0, 0);

    public static Insets all(double value) {
        return new Insets(value, value, value, value);
    }

    public double horizontal() {
        return left + right;
    }

    public double vertical() {
        return top + bottom;
    }
}
