package dev.brochure.content.theme;

import dev.brochure.vocab.Align;

import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Units;

import dev.brochure.vocab.Rgb;
import dev.brochure.content.theme.ThemeLoader.Located;
import dev.brochure.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;

/** Resolves each style's {@code parent:} chain into one complete {@link TextStyle}. */
final class StyleResolver {

    /** Letter spacing, in thousandths of an em, either way: a full em more or less between letters. */
    private static final double MAX_TRACKING = 1000;

    private final Map<String, Map<String, Located>> raw;
    private final Map<String, Located> origins;
    private final ThemeValues values;
    private final Map<String, Rgb> palette;
    private final Collection<String> families;
    private final Map<Node, Optional<Double>> measured = new IdentityHashMap<>();

    StyleResolver(Map<String, Map<String, Located>> raw, Map<String, Located> origins, ThemeValues values,
            Map<String, Rgb> palette, Collection<String> families) {
        this.raw = raw;
        this.origins = origins;
        this.values = values;
        this.palette = palette;
        this.families = families;
    }

    Map<String, TextStyle> resolveAll() {
        Map<String, TextStyle> out = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            flatten(name).ifPresent(props -> out.put(name, build(name, props)));
        }
        return out;
    }

    /** The style's own properties over those of its ancestors. */
    private Optional<Map<String, Located>> flatten(String name) {
        List<Map<String, Located>> lineage = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String current = name;
        while (current != null) {
            if (seen.contains(current)) {
                Located p = raw.get(name).get("parent");
                values.reader(p).diagnostics().error(values.at(p),
                        "style '" + name + "' inherits from itself (" + String.join(" -> ", seen) + ")", null);
                return Optional.empty();
            }
            seen.add(current);
            Map<String, Located> props = raw.get(current);
            lineage.add(props);
            Located parent = props.get("parent");
            if (parent == null) {
                break;
            }
            String parentName = values.string(parent, "parent").orElse(null);
            if (parentName != null && !raw.containsKey(parentName)) {
                values.reader(parent).diagnostics().error(values.at(parent),
                        "style '" + current + "' has unknown parent '" + parentName + "'",
                        Suggestions.hint(parentName, raw.keySet()));
                return Optional.empty();
            }
            current = parentName;
        }
        Map<String, Located> merged = new LinkedHashMap<>();
        for (int i = lineage.size() - 1; i >= 0; i--) {
            merged.putAll(lineage.get(i));
        }
        return Optional.of(merged);
    }

    private TextStyle build(String name, Map<String, Located> p) {
        String what = "style '" + name + "'";
        String family = str(p, "font", what).orElse(null);
        if (family == null) {
            // An empty style ('name: {}') has no property to point at; its own entry is used instead.
            Located where = p.isEmpty() ? origins.get(name) : p.values().iterator().next();
            values.reader(where).diagnostics().error(values.at(where),
                    what + " has no font", "add 'font:' naming one of the theme's font families");
            family = families.stream().findFirst().orElse("");
        } else if (!families.contains(family)) {
            values.reader(p.get("font")).diagnostics().error(values.at(p.get("font")),
                    what + " uses unknown font family '" + family + "'", Suggestions.hint(family, families));
        }
        double size = fontSize(p, what).orElse(10.0);
        double leading = positive(p, "leading", what).orElse(size * 1.25);
        Rgb color = Optional.ofNullable(p.get("color")).flatMap(v -> values.color(v, what + " color", palette))
                .orElse(palette.getOrDefault("ink", Rgb.BLACK));
        Align align = str(p, "align", what).flatMap(word -> {
            Optional<Align> a = Align.of(word);
            if (a.isEmpty()) {
                values.reader(p.get("align")).diagnostics().error(values.at(p.get("align")),
                        what + ": unknown alignment '" + word + "'", Suggestions.hint(word, Align.words()));
            }
            return a;
        }).orElse(Align.LEFT);
        return new TextStyle(name, family, flag(p, "bold", what), flag(p, "italic", what), size, leading, color, align,
                positive(p, "space-before", what).orElse(0.0), positive(p, "space-after", what).orElse(0.0),
                positive(p, "indent", what).orElse(0.0),
                Optional.ofNullable(p.get("tracking")).flatMap(v -> once(v, () -> values.reader(v).number(v.node(),
                        what + " tracking", -MAX_TRACKING, MAX_TRACKING))).orElse(0.0),
                flag(p, "uppercase", what), flag(p, "keep-with-next", what), flag(p, "hyphenate", what),
                flag(p, "balance", what));
    }

    private Optional<String> str(Map<String, Located> p, String key, String what) {
        return Optional.ofNullable(p.get(key)).flatMap(v -> values.string(v, what + " " + key));
    }

    /**
     * The value of a node, read once: a style inherits its parent's nodes, and a wrong value is
     * reported for the style that sets it, not again for every style that inherits it.
     */
    private Optional<Double> once(Located v, Supplier<Optional<Double>> read) {
        Optional<Double> known = measured.get(v.node());
        if (known == null) {
            known = read.get();
            measured.put(v.node(), known);
        }
        return known;
    }

    /** A length that is not negative (and, as every length, not absurdly long). */
    private Optional<Double> positive(Map<String, Located> p, String key, String what) {
        return Optional.ofNullable(p.get(key))
                .flatMap(v -> once(v, () -> values.reader(v).nonNegativeLength(v.node(), what + " " + key)));
    }

    /**
     * The font size, from {@link Units#MIN_FONT_SIZE} to {@link Units#MAX_FONT_SIZE}: a negative
     * size mirrors the text, a tiny one makes it invisible, zero cannot be drawn at all.
     */
    private Optional<Double> fontSize(Map<String, Located> p, String what) {
        Located v = p.get("size");
        if (v == null) {
            return Optional.empty();
        }
        return once(v, () -> checkedSize(v, what));
    }

    private Optional<Double> checkedSize(Located v, String what) {
        Optional<Double> size = values.length(v, what + " size");
        if (size.isPresent() && !(size.get() >= Units.MIN_FONT_SIZE && size.get() <= Units.MAX_FONT_SIZE)) {
            values.reader(v).diagnostics().error(values.at(v), what + " size must be from " + (int) Units.MIN_FONT_SIZE
                    + "pt to " + (int) Units.MAX_FONT_SIZE + "pt, not '" + values.string(v, "size").orElse("") + "'",
                    "body text is usually 9pt to 12pt, headings up to 40pt");
            return Optional.empty();
        }
        return size;
    }

    private boolean flag(Map<String, Located> p, String key, String what) {
        return Optional.ofNullable(p.get(key)).flatMap(v -> values.bool(v, what + " " + key)).orElse(false);
    }
}
