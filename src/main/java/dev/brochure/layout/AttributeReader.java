package dev.brochure.layout;

import dev.brochure.vocab.Units;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import dev.brochure.layout.Markup.Element;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Fit;
import dev.brochure.layout.tree.Focus;
import dev.brochure.vocab.Insets;
import dev.brochure.vocab.Length;
import dev.brochure.layout.tree.VAlign;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reading of layout element attributes (lengths, colours, styles, choices), reporting
 * unknown attributes and bad values against the template that produced them.
 */
final class AttributeReader {

    /** A plain decimal number, as percentages and weights are written. */
    private static final Pattern PERCENT = Pattern.compile("-?(\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9})");
    /** Percentages of a box either way: ten times the box, far beyond any page. */
    private static final double MAX_PERCENT = 1000;
    /** The widest (and, inverted, the tallest) aspect ratio an image box may have. */
    private static final double MAX_ASPECT = 100;

    private final Theme theme;
    private final Diagnostics diagnostics;
    private final SourceLocation template;
    private final String context;

    AttributeReader(Theme theme, Diagnostics diagnostics, SourceLocation template, String context) {
        this.theme = theme;
        this.diagnostics = diagnostics;
        this.template = template;
        this.context = context;
    }

    void error(Element e, String message, String hint) {
        diagnostics.error(template, "<" + e.name() + "> at layout output line " + e.line() + context + ": " + message,
                hint);
    }

    /** A problem of content the layout shows, reported at the content's own place. */
    void error(SourceLocation where, String message, String hint) {
        diagnostics.error(where, message, hint);
    }

    /** Reports attributes the element does not take. */
    void only(Element e, List<String> allowed) {
        for (String name : e.attributes().keySet()) {
            if (!allowed.contains(name)) {
                error(e, "unknown attribute '" + name + "'",
                        allowed.isEmpty() ? "<" + e.name() + "> takes no attributes" : Suggestions.hint(name, allowed));
            }
        }
    }

    Optional<String> string(Element e, String name) {
        return Optional.ofNullable(e.attributes().get(name)).map(String::trim);
    }

    TextStyle style(Element e, String attribute, String fallback) {
        String name = string(e, attribute).orElse(fallback);
        TextStyle style = theme.styles().get(name);
        if (style != null) {
            return style;
        }
        error(e, "style '" + name + "' is not defined in theme '" + theme.name() + "'",
                Suggestions.hint(name, theme.styles().keySet()));
        return theme.styles().values().stream().findFirst().orElseThrow();
    }

    Rgb color(Element e, String name, Rgb fallback) {
        Optional<String> text = string(e, name);
        if (text.isEmpty() || text.get().isEmpty() || text.get().equals("none")) {
            return text.isPresent() ? null : fallback;
        }
        Optional<Rgb> color = theme.color(text.get());
        if (color.isEmpty()) {
            error(e, name + "='" + text.get() + "' is not a colour",
                    "write #RRGGBB or a palette name; " + Suggestions.hint(text.get(), theme.colors().keySet()));
            return fallback;
        }
        return color.get();
    }

    double points(Element e, String name, double fallback) {
        Optional<String> text = string(e, name);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<Double> value = Units.toPoints(text.get());
        if (value.isEmpty()) {
            error(e, name + "='" + text.get() + "' is not a length", "use pt, mm, cm or in, for example 6mm");
            return fallback;
        }
        if (value.get() < 0) {
            return negative(e, name, text.get(), fallback);
        }
        if (!Units.withinBounds(value.get())) {
            return tooLong(e, name, text.get(), fallback);
        }
        return value.get();
    }

    private <T> T tooLong(Element e, String name, String text, T fallback) {
        error(e, name + "='" + shorten(text) + "' is " + Units.tooLong(), null);
        return fallback;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private <T> T negative(Element e, String name, String text, T fallback) {
        error(e, name + "='" + text + "' must not be negative", null);
        return fallback;
    }

    /** A length that may also be a percentage of the containing box; never negative. */
    Length length(Element e, String name, Length fallback) {
        Length length = signedLength(e, name, fallback);
        if (length != fallback && length.value() < 0) {
            return negative(e, name, string(e, name).orElse(""), fallback);
        }
        return length;
    }

    /** A length or percentage that may be negative: a frame's position, which may start off the page. */
    Length signedLength(Element e, String name, Length fallback) {
        Optional<String> text = string(e, name);
        if (text.isEmpty() || text.get().equals("auto")) {
            return fallback;
        }
        String t = text.get();
        if (t.endsWith("%")) {
            String number = t.substring(0, t.length() - 1).trim();
            if (!PERCENT.matcher(number).matches()) {
                error(e, name + "='" + shorten(t) + "' is not a percentage", "write a number before %, for example 50%");
                return fallback;
            }
            double percent = Double.parseDouble(number);
            if (!(Math.abs(percent) <= MAX_PERCENT)) {
                error(e, name + "='" + shorten(t) + "' is more than " + (int) MAX_PERCENT + "% either way", null);
                return fallback;
            }
            return Length.percent(percent);
        }
        Optional<Double> points = Units.toPoints(t);
        if (points.isEmpty()) {
            error(e, name + "='" + shorten(t) + "' is not a length", "use pt, mm, cm, in or %, for example 50% or 60mm");
            return fallback;
        }
        if (!Units.withinBounds(points.get())) {
            return tooLong(e, name, t, fallback);
        }
        return Length.points(points.get());
    }

    /** Padding like CSS: one, two (vertical horizontal) or four (top right bottom left) lengths. */
    Insets insets(Element e, String name, Insets fallback) {
        Optional<String> text = string(e, name);
        if (text.isEmpty()) {
            return fallback;
        }
        String[] parts = text.get().trim().split("\\s+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Double> p = Units.toPoints(parts[i]);
            if (p.isEmpty()) {
                error(e, name + "='" + text.get() + "' is not a list of lengths", "for example 4mm or 4mm 6mm");
                return fallback;
            }
            if (p.get() < 0) {
                return negative(e, name, text.get(), fallback);
            }
            if (!Units.withinBounds(p.get())) {
                return tooLong(e, name, text.get(), fallback);
            }
            v[i] = p.get();
        }
        return switch (v.length) {
            case 1 -> Insets.all(v[0]);
            case 2 -> new Insets(v[0], v[1], v[0], v[1]);
            case 4 -> new Insets(v[0], v[1], v[2], v[3]);
            default -> {
                error(e, name + " takes one, two or four lengths", null);
                yield fallback;
            }
        };
    }

    boolean flag(Element e, String name, boolean fallback) {
        Optional<String> text = string(e, name);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                error(e, name + " must be true or false", null);
                yield fallback;
            }
        };
    }

    int integer(Element e, String name, int fallback, int min, int max) {
        Optional<String> text = string(e, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        error(e, name + " must be a whole number from " + min + " to " + max, null);
        return fallback;
    }

    /** A plain decimal number from {@code min} to {@code max} (no exponent, NaN or Infinity). */
    double number(Element e, String name, double fallback, double min, double max) {
        Optional<String> text = string(e, name);
        if (text.isEmpty()) {
            return fallback;
        }
        if (PERCENT.matcher(text.get()).matches()) {
            double value = Double.parseDouble(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        }
        error(e, name + "='" + shorten(text.get()) + "' must be a number from " + plain(min) + " to " + plain(max), null);
        return fallback;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** {@code 3:2} or {@code 1.5}: width divided by height; empty (an absent optional field) is none. */
    Double aspect(Element e, String name) {
        Optional<String> text = string(e, name);
        if (text.isEmpty() || text.get().isEmpty()) {
            return null;
        }
        try {
            String[] parts = text.get().split(":");
            boolean decimal = Arrays.stream(parts).allMatch(p -> PERCENT.matcher(p.trim()).matches());
            double value = !decimal || parts.length > 2 ? Double.NaN
                    : parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                    : Double.parseDouble(parts[0]);
            if (value >= 1 / MAX_ASPECT && value <= MAX_ASPECT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        error(e, name + "='" + text.get() + "' is not an aspect ratio", "write width:height, for example 3:2");
        return null;
    }

    Align align(Element e, String name, Align fallback) {
        return choice(e, name, Align.class, fallback);
    }

    VAlign valign(Element e, String name, VAlign fallback) {
        return choice(e, name, VAlign.class, fallback);
    }

    Fit fit(Element e, String name, Fit fallback) {
        return choice(e, name, Fit.class, fallback);
    }

    Block.LastRow lastRow(Element e, String name, Block.LastRow fallback) {
        return choice(e, name, Block.LastRow.class, fallback);
    }

    Block.CellAlign cellAlign(Element e, String name, Block.CellAlign fallback) {
        return choice(e, name, Block.CellAlign.class, fallback);
    }

    /** {@code grow}: a share (a number, 0 or more) of the space left at the foot of the page. */
    double grow(Element e) {
        Optional<String> text = string(e, "grow");
        if (text.isEmpty() || text.get().isEmpty()) {
            return 0;
        }
        return number(e, "grow", 0, 0, 1000);
    }

    /**
     * Where a cropped picture keeps its focus: one or two of a percentage or {@code left},
     * {@code center}, {@code right} (across) and {@code top}, {@code center}, {@code bottom}
     * (down), as CSS {@code object-position}: {@code 50% 20%}, {@code top}, {@code right bottom}.
     * Empty (an absent optional field) is the centre.
     */
    Focus focus(Element e, String name) {
        Optional<String> text = string(e, name);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Focus.CENTER;
        }
        String[] parts = text.get().toLowerCase(Locale.ROOT).split("\\s+");
        Double x = null;
        Double y = null;
        boolean ok = parts.length <= 2;
        for (int i = 0; ok && i < parts.length; i++) {
            String p = parts[i];
            switch (p) {
                case "left" -> { ok = x == null; x = 0.0; }
                case "right" -> { ok = x == null; x = 1.0; }
                case "top" -> { ok = y == null; y = 0.0; }
                case "bottom" -> { ok = y == null; y = 1.0; }
                case "center", "centre" -> { }
                default -> {
                    Double v = percent(p);
                    if (v == null) {
                        ok = false;
                    } else if (i == 0 && x == null) {
                        x = v;
                    } else if (y == null) {
                        y = v;
                    } else {
                        ok = false;
                    }
                }
            }
        }
        if (!ok) {
            error(e, name + "='" + text.get() + "' is not a focus point",
                    "give across and down as percentages of the picture, for example 50% 20%, or words: top, left bottom");
            return Focus.CENTER;
        }
        return new Focus(x == null ? 0.5 : x, y == null ? 0.5 : y);
    }

    private static Double percent(String text) {
        if (!text.endsWith("%")) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.substring(0, text.length() - 1));
            return v >= 0 && v <= 100 ? v / 100 : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** A choice; empty (an absent optional field written into the attribute) is the default. */
    private <T extends Enum<T>> T choice(Element e, String name, Class<T> type, T fallback) {
        Optional<String> text = string(e, name);
        if (text.isEmpty() || text.get().isEmpty()) {
            return fallback;
        }
        List<String> words = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        for (T constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.get())) {
                return constant;
            }
        }
        error(e, name + "='" + text.get() + "' is not allowed", Suggestions.hint(text.get(), words));
        return fallback;
    }
}
