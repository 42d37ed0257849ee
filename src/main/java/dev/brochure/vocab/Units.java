package dev.brochure.vocab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lengths written by people ({@code 12pt}, {@code 3mm}, {@code 0.5in}) converted to PDF points. */
public final class Units {

    public static final double POINTS_PER_INCH = 72.0;
    public static final double POINTS_PER_MM = POINTS_PER_INCH / 25.4;
    /** No length in a brochure may be longer: 200 in, the largest page a PDF can describe. */
    public static final double MAX_LENGTH = 14_400;
    /** The smallest and largest font sizes a style may have, in points. */
    public static final double MIN_FONT_SIZE = 1;
    public static final double MAX_FONT_SIZE = 1000;

    private static final Pattern LENGTH = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?|-?\\.\\d+)\\s*(pt|mm|cm|in)?\\s*");

    private Units() {
    }

    /**
     * Points for a length; a bare number is taken as points; empty when the text is not a length
     * (digits with an optional fraction and unit: no exponent, no NaN or Infinity).
     */
    public static Optional<Double> toPoints(String text) {
        Matcher m = LENGTH.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "pt" : m.group(2);
        double points = switch (unit) {
            case "mm" -> value * POINTS_PER_MM;
            case "cm" -> value * 10 * POINTS_PER_MM;
            case "in" -> value * POINTS_PER_INCH;
            default -> value;
        };
        // Hundreds of digits overflow a double: too long, not "no length".
        return Optional.of(Double.isFinite(points) ? points : Math.copySign(Double.MAX_VALUE, value));
    }

    /** Whether a length lies within {@link #MAX_LENGTH} either way. */
    public static boolean withinBounds(double points) {
        return Double.isFinite(points) && Math.abs(points) <= MAX_LENGTH;
    }

    /** "longer than 14400pt (200 in), the largest page a PDF can describe": the end of a message about a length. */
    public static String tooLong() {
        return "longer than " + (int) MAX_LENGTH + "pt (200 in), the largest page a PDF can describe";
    }

    public static double mm(double millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
