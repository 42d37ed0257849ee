package dev.brochure.typeset.page;

/** A rectangle in page coordinates (points, y down from the top of the trim box). */
public record Rect(double x, double y, double width, double height) {

    public Rect moved(double dx, double dy) {
        return new Rect(x + dx, y + dy, width, height);
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }
}
