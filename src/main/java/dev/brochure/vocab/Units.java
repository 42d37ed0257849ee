package dev.brochure.vocab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lengths written by people ({@code 12pt}, {@code 3mm}, {@code 0.5in}) converted to PDF points. */
public final class Units {

    public static final double POINTS_PER_INCH = 72.0;
    public static final double POINTS_PER_MM = POINTS_PER_INCH / 25.4;

    private static final Pattern LENGTH = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?|-?\\.\\d+)\\s*(pt|mm|cm|in)?\\s*");

    private Units() {
    }

    /** Points for a length; a bare number is taken as points; empty when the text is not a length. */
    public static Optional<Double> toPoints(String text) {
        Matcher m = LENGTH.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "pt" : m.group(2);
        return Optional.of(switch (unit) {
            case "mm" -> value * POINTS_PER_MM;
            case "cm" -> value * 10 * POINTS_PER_MM;
            case "in" -> value * POINTS_PER_INCH;
            default -> value;
        });
    }

    public static double mm(double millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
