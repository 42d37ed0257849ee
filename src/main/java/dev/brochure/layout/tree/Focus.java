package dev.brochure.layout.tree;

/**
 * The point of a picture that a crop keeps in view, as fractions of its width and height from
 * the top-left corner: (0.5, 0.5) crops equally on all sides, (0.5, 0.2) keeps the top (a face).
 */
public record Focus(double x, double y) {

    public static final Focus CENTER = new Focus(0.5, 0.5);

    public Focus {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("focus outside the picture: " + x + " " + y);
        }
    }
}
