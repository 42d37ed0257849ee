package dev.brochure.content.theme;

import dev.brochure.vocab.Align;

import dev.brochure.vocab.FontFeatures;
import dev.brochure.vocab.TextStyle;

import dev.brochure.vocab.Rgb;
import dev.brochure.content.theme.ThemeLoader.Located;
import dev.brochure.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves each style's {@code parent:} chain into one complete {@link TextStyle}. */
final class StyleResolver {

    private final Map<String, Map<String, Located>> raw;
    private final Map<String, Located> origins;
    private final ThemeValues values;
    private final Map<String, Rgb> palette;
    private final Collection<String> families;

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
        double size = len(p, "size", what).orElse(10.0);
        double leading = len(p, "leading", what).orElse(size * 1.25);
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
                len(p, "space-before", what).orElse(0.0), len(p, "space-after", what).orElse(0.0),
                len(p, "indent", what).orElse(0.0),
                Optional.ofNullable(p.get("tracking")).flatMap(v -> values.reader(v).number(v.node(), what + " tracking"))
                        .orElse(0.0),
                flag(p, "uppercase", what), flag(p, "keep-with-next", what), flag(p, "hyphenate", what),
                flag(p, "balance", what), features(p, what), expansion(p, what), flag(p, "protrusion", what),
                emergencyStretch(p, what),
                Optional.ofNullable(p.get("hyphen-penalty"))
                        .flatMap(v -> values.reader(v).integer(v.node(), what + " hyphen-penalty", -10_000, 10_000))
                        .map(Integer::doubleValue).orElse(TextStyle.DEFAULT_HYPHEN_PENALTY),
                Optional.ofNullable(p.get("consecutive-hyphens"))
                        .flatMap(v -> values.reader(v).integer(v.node(), what + " consecutive-hyphens", 1, 10))
                        .orElse(TextStyle.DEFAULT_CONSECUTIVE_HYPHENS));
    }

    /** {@code features: [lnum, tnum, -liga]}: OpenType features on (or, with a minus, off). */
    private FontFeatures features(Map<String, Located> p, String what) {
        Located v = p.get("features");
        if (v == null) {
            return FontFeatures.DEFAULT;
        }
        var reader = values.reader(v);
        Optional<List<org.yaml.snakeyaml.nodes.Node>> list = reader.sequence(v.node(), what + " features");
        if (list.isEmpty()) {
            return FontFeatures.DEFAULT;
        }
        List<String> tags = new ArrayList<>();
        for (var node : list.get()) {
            reader.string(node, what + " feature").ifPresent(tags::add);
        }
        FontFeatures.Result parsed = FontFeatures.parse(tags);
        if (parsed.features() == null) {
            reader.diagnostics().error(values.at(v), what + ": " + parsed.problem(),
                    parsed.word() == null ? "keep one of the two"
                            : "OpenType features a style may name: " + String.join(", ", FontFeatures.KNOWN) + "; "
                                    + Suggestions.hint(parsed.word(), FontFeatures.KNOWN));
            return FontFeatures.DEFAULT;
        }
        return parsed.features();
    }

    /** {@code expansion: 2%} (or a bare number of per cent): how far glyphs may be scaled to justify a line. */
    private double expansion(Map<String, Located> p, String what) {
        Located v = p.get("expansion");
        if (v == null) {
            return 0;
        }
        Optional<String> text = values.string(v, what + " expansion");
        if (text.isEmpty()) {
            return 0;
        }
        String t = text.get().strip();
        double percent;
        try {
            percent = Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t);
        } catch (NumberFormatException e) {
            percent = Double.NaN;
        }
        double max = TextStyle.MAX_EXPANSION * 100;
        if (!(percent >= 0 && percent <= max)) {
            values.reader(v).diagnostics().error(values.at(v), what + " expansion must be a percentage from 0% to "
                    + (int) max + "%, not '" + t + "'", "write for example 'expansion: 2%', as pdfTeX's microtype sets");
            return 0;
        }
        return percent / 100;
    }

    /** {@code emergency-stretch: 1em} (or a length, taken relative to the style's size): in ems. */
    private double emergencyStretch(Map<String, Located> p, String what) {
        Located v = p.get("emergency-stretch");
        if (v == null) {
            return 0;
        }
        Optional<String> text = values.string(v, what + " emergency-stretch");
        if (text.isEmpty()) {
            return 0;
        }
        String t = text.get().strip();
        double ems = Double.NaN;
        if (t.endsWith("em")) {
            try {
                ems = Double.parseDouble(t.substring(0, t.length() - 2).strip());
            } catch (NumberFormatException e) {
                ems = Double.NaN;
            }
        } else {
            double size = len(p, "size", what).orElse(10.0);
            ems = dev.brochure.vocab.Units.toPoints(t).map(pt -> pt / size).orElse(Double.NaN);
        }
        if (!(ems >= 0 && ems <= 10)) {
            values.reader(v).diagnostics().error(values.at(v), what + " emergency-stretch must be from 0em to 10em, not '"
                    + t + "'", "write for example 'emergency-stretch: 1em'");
            return 0;
        }
        return ems;
    }

    private Optional<String> str(Map<String, Located> p, String key, String what) {
        return Optional.ofNullable(p.get(key)).flatMap(v -> values.string(v, what + " " + key));
    }

    private Optional<Double> len(Map<String, Located> p, String key, String what) {
        return Optional.ofNullable(p.get(key)).flatMap(v -> values.length(v, what + " " + key));
    }

    private boolean flag(Map<String, Located> p, String key, String what) {
        return Optional.ofNullable(p.get(key)).flatMap(v -> values.bool(v, what + " " + key)).orElse(false);
    }
}
