package dev.brochure.content.theme;

import dev.brochure.vocab.FontFamily;
import dev.brochure.vocab.FooterSpec;
import dev.brochure.vocab.Margins;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.vocab.TextStyle;

import dev.brochure.vocab.Theme;

import dev.brochure.world.Builtins;
import dev.brochure.content.NodeReader;
import dev.brochure.world.ProjectFiles;
import dev.brochure.world.Workspace;
import dev.brochure.content.YamlFile;
import dev.brochure.vocab.Rgb;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a theme: {@code themes/<name>.yaml} of the content project, or a built-in theme. A theme
 * may {@code extends:} another; the child's entries override the parent's property by property.
 * Style {@code parent:} chains are resolved here, so later stages see complete styles.
 */
public final class ThemeLoader {

    public static final List<String> TOP_KEYS = List.of("extends", "colors", "fonts", "fallback", "styles", "margins",
            "masters", "footer");
    public static final List<String> FACE_KEYS = List.of("regular", "bold", "italic", "bold-italic", "fallback");
    public static final List<String> STYLE_KEYS = List.of("parent", "font", "bold", "italic", "size", "leading", "color", "align",
            "space-before", "space-after", "indent", "tracking", "uppercase", "keep-with-next", "hyphenate",
            "balance", "features", "expansion", "protrusion", "emergency-stretch", "hyphen-penalty", "consecutive-hyphens", "measure");
    public static final List<String> MASTER_KEYS = List.of("margins", "columns", "gutter", "footer", "background");
    public static final List<String> FOOTER_KEYS = List.of("style", "left", "right", "baseline", "rule");
    public static final List<String> MARGIN_KEYS = List.of("top", "right", "bottom", "left");

    private static final int MAX_EXTENDS = 10;

    /** A node and the file it came from, so merged themes still point at the right file. */
    record Located(Node node, String file) {
    }

    private final Workspace workspace;
    private final ProjectFiles project;
    private final Diagnostics diagnostics;
    private final Map<String, Located> colors = new LinkedHashMap<>();
    private final Map<String, Map<String, Located>> fonts = new LinkedHashMap<>();
    private final Map<String, Map<String, Located>> styles = new LinkedHashMap<>();
    /** Where each style was last given, to point at a style that turns out to have no properties. */
    private final Map<String, Located> styleOrigins = new LinkedHashMap<>();
    private final Map<String, Map<String, Located>> masters = new LinkedHashMap<>();
    private final Map<String, Located> footer = new LinkedHashMap<>();
    private Located margins;
    /** The theme's {@code fallback:} families, tried after a family's own for a character it lacks. */
    private Located fallback;

    private ThemeLoader(Workspace workspace, Diagnostics diagnostics) {
        this.workspace = workspace;
        this.project = workspace.project();
        this.diagnostics = diagnostics;
    }

    public static Optional<Theme> load(String name, SourceLocation requestedAt, Workspace workspace,
            Diagnostics diagnostics) {
        return loadWithOrigins(name, requestedAt, workspace, diagnostics).map(Origins::theme);
    }

    /**
     * A theme and, for each colour, font family and style, the file that gave it last (a
     * project's theme file, or {@code builtin:themes/...}), for listings of what a project can use.
     */
    public record Origins(Theme theme, Map<String, String> colors, Map<String, String> fonts,
            Map<String, String> styles) {
    }

    /** As {@link #load}, also telling where each colour, font family and style comes from. */
    public static Optional<Origins> loadWithOrigins(String name, SourceLocation requestedAt, Workspace workspace,
            Diagnostics diagnostics) {
        ThemeLoader loader = new ThemeLoader(workspace, diagnostics);
        long errorsBefore = diagnostics.errorCount();
        List<YamlFile> chain = loader.chain(name, requestedAt);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            loader.merge(chain.get(i));
        }
        Optional<Theme> built = loader.build(name, chain.getFirst(), diagnostics.errorCount() > errorsBefore);
        if (built.isEmpty()) {
            return Optional.empty();
        }
        Theme theme = built.get();
        Map<String, String> colorFiles = new LinkedHashMap<>();
        loader.colors.forEach((k, v) -> colorFiles.put(k, v.file()));
        Map<String, String> fontFiles = new LinkedHashMap<>();
        loader.fonts.forEach((k, faces) -> fontFiles.put(k, ownFile(faces)));
        Map<String, String> styleFiles = new LinkedHashMap<>();
        loader.styleOrigins.forEach((k, v) -> styleFiles.put(k, v.file()));
        return Optional.of(new Origins(theme, colorFiles, fontFiles, styleFiles));
    }

    /** The project's file that gives any of a family's faces, else the built-in one that gives them. */
    private static String ownFile(Map<String, Located> faces) {
        return faces.values().stream().map(Located::file).filter(f -> !f.startsWith(Builtins.PREFIX)).findFirst()
                .orElse(faces.values().stream().map(Located::file).findFirst().orElse(""));
    }

    /** All theme names a project can use: its own themes/ and the built-in ones. */
    public static Set<String> available(ProjectFiles project) {
        Set<String> names = new TreeSet<>();
        Builtins.list("themes").stream().filter(n -> n.endsWith(".yaml")).forEach(n -> names.add(n.replace(".yaml", "")));
        try (var files = Files.list(project.themesDir())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .forEach(n -> names.add(n.replace(".yaml", "")));
        } catch (java.io.IOException ignored) {
            // no themes/ folder: only the built-in themes exist
        }
        return names;
    }

    private List<YamlFile> chain(String name, SourceLocation requestedAt) {
        List<YamlFile> files = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String current = name;
        SourceLocation at = requestedAt;
        while (current != null) {
            if (!seen.add(current) || seen.size() > MAX_EXTENDS) {
                diagnostics.error(at, "theme '" + current + "' extends itself (" + String.join(" -> ", seen) + ")",
                        "remove the 'extends:' line that closes the loop");
                return List.of();
            }
            Optional<YamlFile> file = find(current, at);
            if (file.isEmpty()) {
                return List.of();
            }
            files.add(file.get());
            Node extendsNode = topLevel(file.get()).get("extends");
            NodeReader reader = new NodeReader(file.get().displayName(), diagnostics);
            current = extendsNode == null ? null : reader.string(extendsNode, "extends").orElse(null);
            at = reader.at(extendsNode);
        }
        return files;
    }

    private Optional<YamlFile> find(String name, SourceLocation at) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            diagnostics.error(at, "theme name '" + name + "' may only use letters, digits, '-' and '_'", null);
            return Optional.empty();
        }
        Path own = project.themesDir().resolve(name + ".yaml");
        ProjectFiles.checkRegular(own);
        if (Files.isRegularFile(own)) {
            project.checkInside(own, project.themesDir());
            return Optional.of(YamlFile.read(own, project.display(own)));
        }
        Optional<String> builtin = Builtins.read("themes", name + ".yaml");
        if (builtin.isPresent()) {
            return Optional.of(YamlFile.parse(Builtins.displayName("themes", name + ".yaml"), builtin.get()));
        }
        diagnostics.error(at, "unknown theme '" + name + "'", Suggestions.hint(name, available(project)));
        return Optional.empty();
    }

    private Map<String, Node> topLevel(YamlFile file) {
        if (file.isEmpty()) {
            return Map.of();
        }
        return new NodeReader(file.displayName(), diagnostics).mapping(file.root(), "theme", TOP_KEYS).orElse(Map.of());
    }

    private void merge(YamlFile file) {
        NodeReader reader = new NodeReader(file.displayName(), diagnostics);
        Map<String, Node> top = topLevel(file);
        mergeFlat(reader, top.get("colors"), "colors", null, colors);
        mergeNested(reader, top.get("fonts"), "fonts", FACE_KEYS, fonts);
        mergeNested(reader, top.get("styles"), "styles", STYLE_KEYS, styles);
        Node styleNode = top.get("styles");
        if (styleNode != null) {
            // Read again only for the locations; its problems were reported by mergeNested above.
            new NodeReader(file.displayName(), new Diagnostics()).mapping(styleNode, "styles", null).ifPresent(entries ->
                    entries.forEach((name, value) -> styleOrigins.put(name, new Located(value, reader.file()))));
        }
        mergeNested(reader, top.get("masters"), "masters", MASTER_KEYS, masters);
        mergeFlat(reader, top.get("footer"), "footer", FOOTER_KEYS, footer);
        if (top.containsKey("margins")) {
            margins = new Located(top.get("margins"), file.displayName());
        }
        if (top.containsKey("fallback")) {
            fallback = new Located(top.get("fallback"), file.displayName());
        }
    }

    private void mergeFlat(NodeReader reader, Node node, String what, List<String> keys, Map<String, Located> into) {
        if (node == null) {
            return;
        }
        reader.mapping(node, what, keys).ifPresent(entries ->
                entries.forEach((k, v) -> into.put(k, new Located(v, reader.file()))));
    }

    private void mergeNested(NodeReader reader, Node node, String what, List<String> keys,
            Map<String, Map<String, Located>> into) {
        if (node == null) {
            return;
        }
        reader.mapping(node, what, null).ifPresent(entries -> entries.forEach((name, value) ->
                mergeFlat(reader, value, what + " '" + name + "'", keys,
                        into.computeIfAbsent(name, n -> new LinkedHashMap<>()))));
    }

    /**
     * The palette: each colour is {@code #RRGGBB} or the name of another colour of the palette
     * (a colour role such as {@code accent-on-brand: accent} follows the colour it names, so a
     * theme that changes {@code accent} changes the role too, unless it sets the role itself).
     */
    private Map<String, Rgb> palette(ThemeValues values) {
        Map<String, Rgb> palette = new LinkedHashMap<>();
        for (String colour : colors.keySet()) {
            resolveColour(colour, values, palette, new LinkedHashSet<>());
        }
        Map<String, Rgb> ordered = new LinkedHashMap<>();
        colors.keySet().stream().filter(palette::containsKey).forEach(c -> ordered.put(c, palette.get(c)));
        return ordered;
    }

    private Optional<Rgb> resolveColour(String colour, ThemeValues values, Map<String, Rgb> palette,
            Set<String> visiting) {
        if (palette.containsKey(colour)) {
            return Optional.of(palette.get(colour));
        }
        Located value = colors.get(colour);
        String what = "colour '" + colour + "'";
        Optional<String> text = values.string(value, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Rgb> rgb;
        if (colors.containsKey(text.get()) && !text.get().equals(colour)) {
            if (!visiting.add(colour)) {
                diagnostics.error(values.at(value), what + " names itself through " + String.join(" -> ", visiting)
                        + " -> " + colour, "give one of these colours as #RRGGBB");
                return Optional.empty();
            }
            rgb = resolveColour(text.get(), values, palette, visiting);
        } else {
            rgb = Rgb.parse(text.get());
            if (rgb.isEmpty()) {
                diagnostics.error(values.at(value), what + ": '" + text.get() + "' is not a colour",
                        "write #RRGGBB or the name of another colour; " + Suggestions.hint(text.get(), colors.keySet()));
            }
        }
        rgb.ifPresent(c -> palette.put(colour, c));
        return rgb;
    }

    /**
     * The theme, complete even when parts of it are wrong: each wrong part is reported once and a
     * stand-in takes its place (black for a colour, the first family that loaded for a font family),
     * so that the styles and layouts that use it report nothing more. Nothing is written while there
     * are errors, so a stand-in is never seen. Empty when there is no font or no style at all.
     */
    private Optional<Theme> build(String name, YamlFile file, boolean erred) {
        ThemeValues values = new ThemeValues(workspace, diagnostics);
        Map<String, Rgb> palette = palette(values);
        // A wrong colour is reported once (in palette) and black stands in for it.
        colors.keySet().forEach(k -> palette.putIfAbsent(k, Rgb.BLACK));

        Map<String, FontFamily> families = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        fonts.forEach((k, faces) -> values.family(k, faces).ifPresentOrElse(f -> families.put(k, f), () -> failed.add(k)));
        if (families.isEmpty()) {
            if (!erred && failed.isEmpty()) {
                diagnostics.error(file.whole(), "theme '" + name + "' defines no font family",
                        "add 'fonts:' with a family such as 'serif: {regular: fonts/<file>.ttf}', or 'extends: default'");
            }
            return Optional.empty();
        }
        FontFamily standIn = families.values().iterator().next();
        failed.forEach(k -> families.put(k, new FontFamily(k, standIn.regular(), standIn.bold(), standIn.italic(),
                standIn.boldItalic())));
        List<String> common = fallback == null ? List.of() : values.fallback(fallback, "fallback", fonts.keySet());
        fonts.forEach((k, faces) -> {
            List<String> own = faces.containsKey("fallback")
                    ? values.fallback(faces.get("fallback"), "font '" + k + "' fallback", fonts.keySet()) : List.of();
            List<String> all = new ArrayList<>(own);
            common.stream().filter(f -> !all.contains(f)).forEach(all::add);
            all.remove(k);
            families.computeIfPresent(k, (key, family) -> family.withFallback(all));
        });

        Margins pageMargins = margins == null ? Margins.all(54) : values.margins(margins).orElse(Margins.all(54));
        // Styles are checked against the families the theme declares, so a family whose file is missing
        // is reported once, not again for every style that uses it.
        Map<String, TextStyle> resolved = new StyleResolver(styles, styleOrigins, values, palette, fonts.keySet()).resolveAll();
        if (resolved.isEmpty()) {
            if (!erred) {
                diagnostics.error(file.whole(), "theme '" + name + "' defines no styles",
                        "add 'styles:' with at least 'body', or 'extends: default'");
            }
            return Optional.empty();
        }
        Map<String, MasterSpec> masterSpecs = new LinkedHashMap<>();
        masters.forEach((k, props) -> masterSpecs.put(k, values.master(k, props, pageMargins, palette)));
        if (!masterSpecs.containsKey("body")) {
            masterSpecs.put("body", new MasterSpec("body", pageMargins, 1, 12, true, null));
        }
        FooterSpec footerSpec = values.footer(footer, pageMargins, resolved.keySet());
        return Optional.of(new Theme(name, palette, families, resolved, masterSpecs, footerSpec));
    }
}
