package dev.brochure.vocab;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** An sRGB colour, written {@code #RRGGBB} (or {@code #RGB}) in themes and layouts. */
public record Rgb(int red, int green, int blue) {

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    public static final Rgb BLACK = new Rgb(0, 0, 0);
    public static final Rgb WHITE = new Rgb(255, 255, 255);

    public Rgb {
        if (red < 0 || red > 255 || green < 0 || green > 255 || blue < 0 || blue > 255) {
            throw new IllegalArgumentException("colour component out of range");
        }
    }

    public static Optional<Rgb> parse(String text) {
        String t = text.trim();
        if (!HEX.matcher(t).matches()) {
            return Optional.empty();
        }
        String hex = t.substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int v = Integer.parseInt(hex, 16);
        return Optional.of(new Rgb((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff));
    }

    public String hex() {
        return String.format(Locale.ROOT, "#%02X%02X%02X", red, green, blue);
    }
}
