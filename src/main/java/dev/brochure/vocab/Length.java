package dev.brochure.vocab;

/**
 * A length in a layout: absolute points, or a percentage of the containing box's width (or, for
 * frame heights and positions, of the page's height).
 */
public record Length(double value, boolean percent) {

    public static final Length FULL = new Length(100, true);

    public static Length points(double points) {
        return new Length(points, false);
    }

    public static Length percent(double percent) {
        return new Length(percent, true);
    }

    public double resolve(double reference) {
        return percent ? reference * value / 100.0 : value;
    }
}
