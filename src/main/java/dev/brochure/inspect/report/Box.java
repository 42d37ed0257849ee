package dev.brochure.inspect.report;

/** A rectangle in PDF user space: lower-left corner (x, y), width and height, in points. */
public record Box(double x, double y, double width, double height) {

    public static final double MM = 72 / 25.4;

    public double widthMm() {
        return width / MM;
    }

    public double heightMm() {
        return height / MM;
    }
}
