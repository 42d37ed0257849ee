package dev.brochure.vocab;

import java.util.Map;
import java.util.Optional;

/**
 * The look of a brochure, as data: the palette, font families, paragraph styles, page masters
 * and running footer. Read from a theme YAML file (which may extend another) and validated.
 */
public record Theme(
        String name,
        Map<String, Rgb> colors,
        Map<String, FontFamily> fonts,
        Map<String, TextStyle> styles,
        Map<String, MasterSpec> masters,
        FooterSpec footer) {

    public Theme {
        colors = Map.copyOf(colors);
        fonts = Map.copyOf(fonts);
        styles = Map.copyOf(styles);
        masters = Map.copyOf(masters);
    }

    /** A palette name or a literal {@code #RRGGBB}. */
    public Optional<Rgb> color(String nameOrHex) {
        Rgb named = colors.get(nameOrHex);
        return named != null ? Optional.of(named) : Rgb.parse(nameOrHex);
    }
}
