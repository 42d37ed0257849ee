package dev.brochure.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * What a content project can use, as plain values: the layouts a section can name (with their
 * fields), and the colours, font families and paragraph styles of the theme {@code brochure.yaml}
 * selects. Each entry says whether it is built into the tool or comes from the project.
 */
public record Catalog(String theme, List<Layout> layouts, List<Color> colors, List<Font> fonts, List<Style> styles) {

    public Catalog {
        layouts = List.copyOf(layouts);
        colors = List.copyOf(colors);
        fonts = List.copyOf(fonts);
        styles = List.copyOf(styles);
    }

    /** Where an entry comes from: the tool itself, or the content project's own files. */
    public enum Origin {
        BUILTIN, PROJECT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One field of a layout's schema: its type word ({@code text}, {@code list}, ...), whether it
     * is required, its description; {@code values} for a choice, {@code min}/{@code max} (0 when
     * unbounded) and the item {@code of} for a list, {@code fields} for a record.
     */
    public record Field(String name, String type, boolean required, String description, List<String> values, int min,
            int max, Field of, List<Field> fields) {

        public Field {
            values = List.copyOf(values);
            fields = List.copyOf(fields);
        }

        /** The type in words: {@code text}, {@code list of plain (1 to 4)}, {@code choice: left, right}. */
        public String summary() {
            return switch (type) {
                case "list" -> "list of " + of.summary() + bounds();
                case "choice" -> "choice: " + String.join(", ", values);
                default -> type;
            };
        }

        private String bounds() {
            if (min <= 0 && max <= 0) {
                return "";
            }
            if (max <= 0) {
                return " (at least " + min + ")";
            }
            return min == max ? " (exactly " + min + ")" : " (" + min + " to " + max + ")";
        }
    }

    /** A layout: its name, origin, what it sets, the schema file it was read from, and its fields. */
    public record Layout(String name, Origin origin, String description, String source, List<Field> fields) {
        public Layout {
            fields = List.copyOf(fields);
        }
    }

    /** A palette colour of the theme. */
    public record Color(String name, Origin origin, String hex) {
    }

    /** A font family of the theme and its face files (null for a face the theme does not give). */
    public record Font(String name, Origin origin, String regular, String bold, String italic, String boldItalic) {
    }

    /** A paragraph style of the theme, resolved: its family, weight and slant, size and leading in points. */
    public record Style(String name, Origin origin, String font, boolean bold, boolean italic, double size,
            double leading, String color, String align) {
    }
}
