package dev.brochure.content.theme;

import dev.brochure.vocab.FontFamily;
import dev.brochure.vocab.FooterSpec;
import dev.brochure.vocab.Margins;
import dev.brochure.vocab.MasterSpec;

import dev.brochure.content.NodeReader;
import dev.brochure.world.Workspace;
import dev.brochure.vocab.Rgb;
import dev.brochure.content.theme.ThemeLoader.Located;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the individual values of a theme (colours, fonts, margins, masters, footer). */
final class ThemeValues {

    private final Workspace workspace;
    private final Diagnostics diagnostics;

    ThemeValues(Workspace workspace, Diagnostics diagnostics) {
        this.workspace = workspace;
        this.diagnostics = diagnostics;
    }

    /** The same readers with a diagnostics of their own, which nobody reads: for values reported elsewhere. */
    ThemeValues quiet() {
        return new ThemeValues(workspace, new Diagnostics());
    }

    NodeReader reader(Located located) {
        return new NodeReader(located.file(), diagnostics);
    }

    SourceLocation at(Located located) {
        return reader(located).at(located.node());
    }

    Optional<String> string(Located v, String what) {
        return reader(v).string(v.node(), what);
    }

    Optional<Double> length(Located v, String what) {
        return reader(v).length(v.node(), what);
    }

    Optional<Boolean> bool(Located v, String what) {
        return reader(v).bool(v.node(), what);
    }

    /** A colour: {@code #RRGGBB}, or the name of a palette colour. */
    Optional<Rgb> color(Located v, String what, Map<String, Rgb> palette) {
        return string(v, what).flatMap(text -> {
            Rgb named = palette.get(text);
            if (named != null) {
                return Optional.of(named);
            }
            Optional<Rgb> hex = Rgb.parse(text);
            if (hex.isEmpty()) {
                diagnostics.error(at(v), what + ": '" + text + "' is not a colour",
                        palette.isEmpty() ? "write #RRGGBB" : "write #RRGGBB or a palette name; "
                                + Suggestions.hint(text, palette.keySet()));
            }
            return hex;
        });
    }

    Optional<FontFamily> family(String name, Map<String, Located> faces) {
        Located regular = faces.get("regular");
        if (regular == null) {
            diagnostics.error(SourceLocation.of(faces.values().stream().findFirst().map(Located::file).orElse("theme")),
                    "font family '" + name + "' has no 'regular' face", "add 'regular: fonts/<file>.ttf'");
            return Optional.empty();
        }
        Path r = face(regular, name, "regular");
        Path b = faces.containsKey("bold") ? face(faces.get("bold"), name, "bold") : null;
        Path i = faces.containsKey("italic") ? face(faces.get("italic"), name, "italic") : null;
        Path bi = faces.containsKey("bold-italic") ? face(faces.get("bold-italic"), name, "bold-italic") : null;
        return r == null ? Optional.empty() : Optional.of(new FontFamily(name, r, b, i, bi));
    }

    private Path face(Located v, String family, String face) {
        String what = "font '" + family + "' " + face;
        Optional<Path> path = string(v, what).flatMap(ref -> workspace.project().resolveAsset(ref, at(v), diagnostics));
        Optional<String> problem = path.flatMap(file -> FontFileCheck.problem(file, workspace.fonts()));
        if (problem.isPresent()) {
            diagnostics.error(at(v), what + ": '" + path.get().getFileName() + "' " + problem.get(),
                    "use an undamaged TrueType (.ttf) or OpenType (.otf) font file");
            return null;
        }
        return path.orElse(null);
    }

    /** Margins: one length for all sides, or {@code {top, right, bottom, left}}. */
    Optional<Margins> margins(Located v) {
        return readMargins(v).filter(m -> roomy(m, v));
    }

    /** The narrowest and shortest trim sizes a theme may be used on (A4's width, Letter's height). */
    private static final double NARROWEST = 595.2756;
    private static final double SHORTEST = 792;
    /** What the body keeps at the least: one inch across, two down. */
    private static final double MIN_BODY_WIDTH = 72;
    private static final double MIN_BODY_HEIGHT = 144;

    /** Margins that leave a page no body would make every block "too tall": one error here instead. */
    private boolean roomy(Margins m, Located v) {
        double across = m.left() + m.right();
        double down = m.top() + m.bottom();
        if (m.top() < 0 || m.right() < 0 || m.bottom() < 0 || m.left() < 0) {
            diagnostics.error(at(v), "margins cannot be negative", null);
            return false;
        }
        if (across > NARROWEST - MIN_BODY_WIDTH || down > SHORTEST - MIN_BODY_HEIGHT) {
            diagnostics.error(at(v), String.format(java.util.Locale.ROOT,
                            "margins leave no room for the page's content (left and right take %.0f mm of the"
                                    + " 210 mm of A4, top and bottom %.0f mm of the 279 mm of Letter)",
                            across / 72 * 25.4, down / 72 * 25.4),
                    "keep at least 1 in (25 mm) across and 2 in (51 mm) down for the body");
            return false;
        }
        return true;
    }

    private Optional<Margins> readMargins(Located v) {
        if (v.node() instanceof ScalarNode) {
            return length(v, "margins").map(Margins::all);
        }
        NodeReader reader = reader(v);
        return reader.mapping(v.node(), "margins", ThemeLoader.MARGIN_KEYS).map(m -> {
            reader.requireKeys(v.node(), m, "margins", ThemeLoader.MARGIN_KEYS);
            double top = side(reader, m.get("top"));
            double right = side(reader, m.get("right"));
            double bottom = side(reader, m.get("bottom"));
            double left = side(reader, m.get("left"));
            return new Margins(top, right, bottom, left);
        });
    }

    private static double side(NodeReader reader, Node node) {
        return node == null ? 0 : reader.length(node, "margin").orElse(0.0);
    }

    MasterSpec master(String name, Map<String, Located> props, Margins pageMargins, Map<String, Rgb> palette) {
        Margins m = Optional.ofNullable(props.get("margins")).flatMap(this::margins).orElse(pageMargins);
        int columns = Optional.ofNullable(props.get("columns"))
                .flatMap(v -> reader(v).integer(v.node(), "columns", 1, 6)).orElse(1);
        double gutter = Optional.ofNullable(props.get("gutter"))
                .flatMap(v -> reader(v).nonNegativeLength(v.node(), "gutter")).orElse(12.0);
        boolean footer = Optional.ofNullable(props.get("footer")).flatMap(v -> bool(v, "footer")).orElse(true);
        Rgb background = Optional.ofNullable(props.get("background"))
                .flatMap(v -> color(v, "background", palette)).orElse(null);
        return new MasterSpec(name, m, columns, gutter, footer, background);
    }

    FooterSpec footer(Map<String, Located> props, Margins pageMargins, Collection<String> styleNames) {
        String style = Optional.ofNullable(props.get("style")).flatMap(v -> string(v, "footer style")).orElse("footer");
        if (!styleNames.contains(style)) {
            SourceLocation where = props.containsKey("style") ? at(props.get("style")) : SourceLocation.of("theme");
            diagnostics.error(where, "footer style '" + style + "' is not defined in the theme's styles",
                    Suggestions.hint(style, styleNames));
        }
        String left = Optional.ofNullable(props.get("left")).flatMap(v -> string(v, "footer left")).orElse("{title}");
        String right = Optional.ofNullable(props.get("right")).flatMap(v -> string(v, "footer right")).orElse("{page}");
        double baseline = Optional.ofNullable(props.get("baseline"))
                .flatMap(v -> reader(v).nonNegativeLength(v.node(), "footer baseline"))
                .orElse(pageMargins.bottom() / 2);
        boolean rule = Optional.ofNullable(props.get("rule")).flatMap(v -> bool(v, "footer rule")).orElse(false);
        return new FooterSpec(style, left, right, baseline, rule);
    }
}
