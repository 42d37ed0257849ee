package dev.brochure.content.theme;

import dev.brochure.vocab.Align;

import dev.brochure.vocab.FontFeatures;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Units;

import dev.brochure.vocab.Rgb;
import dev.brochure.content.theme.ThemeLoader.Located;
import dev.brochure.content.NodeReader;
import dev.brochure.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;

/** Resolves each style's {@code parent:} chain into one complete {@link TextStyle}. */
final class StyleResolver {

    /** Letter spacing, in thousandths of an em, either way: a full em more or less between letters. */
    private static final double MAX_TRACKING = 1000;

    private final Map<String, Map<String, Located>> raw;
    private final Map<String, Located> origins;
    private final ThemeValues values;
    /** The same readers reporting nowhere, for inherited values. */
    private final ThemeValues quiet;
    private final Map<String, Rgb> palette;
    private final Collection<String> families;
    private final Map<Node, Optional<Double>> measured = new IdentityHashMap<>();

    StyleResolver(Map<String, Map<String, Located>> raw, Map<String, Located> origins, ThemeValues values,
            Map<String, Rgb> palette, Collection<String> families) {
        this.raw = raw;
        this.origins = origins;
        this.values = values;
        this.quiet = values.quiet();
        this.palette = palette;
        this.families = families;
    }

    Map<String, TextStyle> resolveAll() {
        for (String name : raw.keySet()) {
            resolve(name);
        }
        Map<String, TextStyle> out = new LinkedHashMap<>();
        raw.keySet().forEach(name -> out.put(name, resolved.get(name)));
        return out;
    }

    /** Styles resolved so far, and those being resolved (a size that names a style resolves that one first). */
    private final Map<String, TextStyle> resolved = new LinkedHashMap<>();
    private final List<String> resolving = new ArrayList<>();

    private TextStyle resolve(String name) {
        TextStyle done = resolved.get(name);
        if (done == null) {
            resolving.add(name);
            done = build(name, flatten(name));
            resolving.remove(name);
            resolved.put(name, done);
        }
        return done;
    }

    /**
     * The style's own properties over those of its ancestors. A chain that loops or names an
     * unknown parent is reported and ends there: the style keeps what it has, so that the
     * layouts using it report nothing more.
     */
    private Map<String, Located> flatten(String name) {
        List<Map<String, Located>> lineage = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String current = name;
        while (current != null) {
            if (seen.contains(current)) {
                // One loop is one error: reported by its first style, not by each style in it or below it.
                List<String> loop = seen.subList(seen.indexOf(current), seen.size());
                if (name.equals(raw.keySet().stream().filter(loop::contains).findFirst().orElse(null))) {
                    Located p = raw.get(name).get("parent");
                    values.reader(p).diagnostics().error(values.at(p),
                            "style '" + name + "' inherits from itself (" + String.join(" -> ", seen) + ")", null);
                }
                break;
            }
            seen.add(current);
            Map<String, Located> props = raw.get(current);
            lineage.add(props);
            Located parent = props.get("parent");
            if (parent == null) {
                break;
            }
            // A wrong parent is reported by the style that names it, not again by the styles below it.
            boolean own = current.equals(name);
            String parentName = own ? values.string(parent, "parent").orElse(null)
                    : parent.node() instanceof ScalarNode s && !NodeReader.isNull(s) ? s.getValue() : null;
            if (parentName == null) {
                break;
            }
            if (!raw.containsKey(parentName)) {
                if (own) {
                    values.reader(parent).diagnostics().error(values.at(parent),
                            "style '" + current + "' has unknown parent '" + parentName + "'",
                            Suggestions.hint(parentName, raw.keySet()));
                }
                break;
            }
            current = parentName;
        }
        Map<String, Located> merged = new LinkedHashMap<>();
        for (int i = lineage.size() - 1; i >= 0; i--) {
            merged.putAll(lineage.get(i));
        }
        return merged;
    }

    /**
     * The style from its merged properties. A wrong value is reported by the style that gives it;
     * a style that inherits it takes the default silently, so one wrong value is one error.
     */
    private TextStyle build(String name, Map<String, Located> p) {
        Map<String, Located> own = raw.get(name);
        Props props = new Props(p, own);
        String what = "style '" + name + "'";
        String family = props.str("font", what).orElse(null);
        if (family == null) {
            // The style at the top of the chain lacks the font, not each style below it (and a
            // font that is no text is reported as such).
            if (!own.containsKey("parent") && !p.containsKey("font")) {
                // An empty style ('name: {}') has no property to point at; its own entry is used instead.
                Located where = p.isEmpty() ? origins.get(name) : p.values().iterator().next();
                values.reader(where).diagnostics().error(values.at(where),
                        what + " has no font", "add 'font:' naming one of the theme's font families");
            }
            family = families.stream().findFirst().orElse("");
        } else if (!families.contains(family)) {
            if (props.isOwn("font")) {
                values.reader(p.get("font")).diagnostics().error(values.at(p.get("font")),
                        what + " uses unknown font family '" + family + "'", Suggestions.hint(family, families));
            }
            family = families.stream().findFirst().orElse("");
        }
        double[] sizeAndLeading = sizeAndLeading(name, p, props, what);
        double size = sizeAndLeading[0];
        double leading = sizeAndLeading[1];
        Rgb color = Optional.ofNullable(p.get("color")).flatMap(v -> props.of("color").color(v, what + " color", palette))
                .orElse(palette.getOrDefault("ink", Rgb.BLACK));
        Align align = props.str("align", what).flatMap(word -> {
            Optional<Align> a = Align.of(word);
            if (a.isEmpty() && props.isOwn("align")) {
                values.reader(p.get("align")).diagnostics().error(values.at(p.get("align")),
                        what + ": unknown alignment '" + word + "'", Suggestions.hint(word, Align.words()));
            }
            return a;
        }).orElse(Align.LEFT);
        return new TextStyle(name, family, props.flag("bold", what), props.flag("italic", what), size, leading, color, align,
                positive(p, "space-before", what).orElse(0.0), positive(p, "space-after", what).orElse(0.0),
                positive(p, "indent", what).orElse(0.0),
                Optional.ofNullable(p.get("tracking")).flatMap(v -> once(v, () -> values.reader(v).number(v.node(),
                        what + " tracking", -MAX_TRACKING, MAX_TRACKING))).orElse(0.0),
                props.flag("uppercase", what), props.flag("keep-with-next", what), props.flag("hyphenate", what),
                props.flag("balance", what), features(p, what), expansion(p, what), props.flag("protrusion", what),
                emergencyStretch(p, what, size),
                Optional.ofNullable(p.get("hyphen-penalty"))
                        .flatMap(v -> values.reader(v).integer(v.node(), what + " hyphen-penalty", -10_000, 10_000))
                        .map(Integer::doubleValue).orElse(TextStyle.DEFAULT_HYPHEN_PENALTY),
                Optional.ofNullable(p.get("consecutive-hyphens"))
                        .flatMap(v -> values.reader(v).integer(v.node(), what + " consecutive-hyphens", 1, 10))
                        .orElse(TextStyle.DEFAULT_CONSECUTIVE_HYPHENS),
                measure(p, what, size));
    }

    /**
     * {@code size}: a length, or the name of another style, a step of the theme's type scale
     * ({@code size: body}), whose size and leading the style takes; its {@code leading} still wins
     * when given by the same style as the size or by one below it. So a theme sets its type
     * scale in a few styles, and every style of the layouts follows it.
     */
    private double[] sizeAndLeading(String name, Map<String, Located> p, Props props, String what) {
        Located v = p.get("size");
        String step = v != null && v.node() instanceof ScalarNode s && !NodeReader.isNull(s)
                && raw.containsKey(s.getValue().strip()) ? s.getValue().strip() : null;
        if (step != null) {
            if (resolving.contains(step)) {
                if (props.isOwn("size")) {
                    values.reader(v).diagnostics().error(values.at(v), what + " takes its size from itself ("
                            + String.join(" -> ", resolving.subList(resolving.indexOf(step), resolving.size()))
                            + " -> " + step + ")", "give one of them a length, as 'size: 10pt'");
                }
            } else {
                TextStyle of = resolve(step);
                double leading = p.containsKey("leading") && definedBy(name, "leading") <= definedBy(name, "size")
                        ? positive(p, "leading", what).orElse(of.leading()) : of.leading();
                return new double[] {of.size(), leading};
            }
        }
        String word = step == null && v != null && v.node() instanceof ScalarNode s ? s.getValue().strip() : "";
        if (word.matches("[A-Za-z][\\w-]*")) {
            // A word that names no style (a misspelt step of the scale) is not a length either.
            if (props.isOwn("size")) {
                values.reader(v).diagnostics().error(values.at(v), what + " size: '" + word
                        + "' is neither a length nor a style", "write a length, as 'size: 10pt', or the style whose"
                        + " size it takes, as 'size: body'; " + Suggestions.hint(word, raw.keySet()));
            }
            return new double[] {10.0, 12.5};
        }
        double size = step != null ? 10.0 : fontSize(p, what).orElse(10.0);
        return new double[] {size, positive(p, "leading", what).orElse(size * 1.25)};
    }

    /** How many parents up the chain the style's {@code key} is set: 0 by the style itself. */
    private int definedBy(String name, String key) {
        String current = name;
        for (int depth = 0; current != null && depth <= raw.size(); depth++) {
            Map<String, Located> props = raw.get(current);
            if (props == null) {
                break;
            }
            if (props.containsKey(key)) {
                return depth;
            }
            Located parent = props.get("parent");
            current = parent != null && parent.node() instanceof ScalarNode s && !NodeReader.isNull(s) ? s.getValue()
                    : null;
        }
        return Integer.MAX_VALUE;
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

    /** {@code emergency-stretch: 1em} (or a length, taken relative to the style's size): in ems. */
    private double emergencyStretch(Map<String, Located> p, String what, double size) {
        return ems(p, "emergency-stretch", what, size, 0, 10, "", "write for example 'emergency-stretch: 1em'");
    }

    /**
     * {@code measure}: the longest a line may be, in ems of the style's size ({@code 34em}) or as a
     * length ({@code 120mm}); from 5em to 200em. Points, or 0 where it is not given.
     */
    private double measure(Map<String, Located> p, String what, double size) {
        return size * ems(p, "measure", what, size, 5, 200, " (or a length in that range)",
                "write for example 'measure: 34em' (about 75 characters)");
    }

    /**
     * The value of {@code key} in ems of the style's {@code size}: written in ems ({@code 1em}) or as
     * a length, from {@code min} to {@code max} ems; 0 where it is not given or is wrong (reported).
     */
    private double ems(Map<String, Located> p, String key, String what, double size, double min, double max,
            String range, String hint) {
        Located v = p.get(key);
        if (v == null) {
            return 0;
        }
        Optional<String> text = values.string(v, what + " " + key);
        if (text.isEmpty()) {
            return 0;
        }
        String t = text.get().strip();
        double ems;
        if (t.endsWith("em")) {
            try {
                ems = Double.parseDouble(t.substring(0, t.length() - 2).strip());
            } catch (NumberFormatException e) {
                ems = Double.NaN;
            }
        } else {
            ems = Units.toPoints(t).map(pt -> pt / size).orElse(Double.NaN);
        }
        if (!(ems >= min && ems <= max)) {
            values.reader(v).diagnostics().error(values.at(v), what + " " + key + " must be from " + number(min) + "em to "
                    + number(max) + "em" + range + ", not '" + t + "'", hint);
            return 0;
        }
        return ems;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** A style's merged properties; those it inherits are read without reporting (their own style reports them). */
    private final class Props {
        private final Map<String, Located> merged;
        private final Map<String, Located> own;

        Props(Map<String, Located> merged, Map<String, Located> own) {
            this.merged = merged;
            this.own = own;
        }

        boolean isOwn(String key) {
            return merged.get(key) != null && merged.get(key) == own.get(key);
        }

        ThemeValues of(String key) {
            return isOwn(key) ? values : quiet;
        }

        Optional<String> str(String key, String what) {
            return Optional.ofNullable(merged.get(key)).flatMap(v -> of(key).string(v, what + " " + key));
        }

        Optional<Double> len(String key, String what) {
            return Optional.ofNullable(merged.get(key)).flatMap(v -> of(key).length(v, what + " " + key));
        }

        boolean flag(String key, String what) {
            return Optional.ofNullable(merged.get(key)).flatMap(v -> of(key).bool(v, what + " " + key)).orElse(false);
        }
    }
}
