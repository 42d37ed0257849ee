package dev.brochure.vocab;

import java.util.Arrays;
import java.util.List;

/** Trim sizes the brochure can be set on, in PDF points (1/72 inch), portrait. */
public enum Paper {
    A4(595.2756, 841.8898),
    LETTER(612, 792);

    private final double width;
    private final double height;

    Paper(double width, double height) {
        this.width = width;
        this.height = height;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
