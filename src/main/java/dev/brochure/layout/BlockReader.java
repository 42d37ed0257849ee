package dev.brochure.layout;

import dev.brochure.vocab.ImageRef;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import dev.brochure.content.model.Value;
import dev.brochure.layout.Markup.Element;
import dev.brochure.layout.Markup.Node;
import dev.brochure.layout.Markup.SourceMark;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Fit;
import dev.brochure.layout.tree.Inline;
import dev.brochure.vocab.Insets;
import dev.brochure.vocab.Length;
import dev.brochure.vocab.LinkTarget;
import dev.brochure.layout.tree.VAlign;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the element tree a layout descriptor produced into layout {@link Block}s, checking the
 * vocabulary (elements, attributes, style and colour names, image references) as it goes.
 * The vocabulary is documented in the README under "Layout vocabulary".
 */
final class BlockReader {

    static final Set<String> BLOCKS = Set.of("h", "p", "list", "image", "quote", "spacer", "rule", "panel", "row",
            "grid", "table", "qr", "columns", "page-break", "column-break", "page");
    /** Blocks whose content can be broken over columns and pages, so that keep-together means something. */
    private static final Set<String> KEEPABLE = Set.of("p", "h", "list", "row", "grid", "table", "columns", "quote",
            "panel", "image", "spacer", "rule", "qr");
    static final Set<String> INLINES = Set.of("b", "i", "a", "br", "span");

    private final Theme theme;
    private final AttributeReader attrs;
    private final Function<String, Optional<ImageRef>> images;
    private final SourceTable sources;
    private final Set<String> anchors;
    private final SourceLocation fallback;
    /** The content value last met in reading order: a link inside text belongs to it. */
    private Value current;
    /** Broken links already reported, by where and target, so a value shown twice is reported once. */
    private final Set<String> reported = new HashSet<>();

    /**
     * {@code sources} names the content values the output's marks refer to; {@code anchors} are
     * the ids {@code #id} links may point to; {@code fallback} is where a block that shows no
     * content value comes from.
     */
    BlockReader(Theme theme, AttributeReader attrs, Function<String, Optional<ImageRef>> images, SourceTable sources,
            Set<String> anchors, SourceLocation fallback) {
        this.theme = theme;
        this.attrs = attrs;
        this.images = images;
        this.sources = sources;
        this.anchors = anchors;
        this.fallback = fallback;
    }

    List<Block> blocks(Element parent) {
        List<Block> out = new ArrayList<>();
        for (Node child : parent.children()) {
            switch (child) {
                case Element e -> {
                    e.marks().forEach(this::meet);
                    block(e).ifPresent(out::add);
                }
                case Markup.Text t -> {
                    if (!t.text().isBlank()) {
                        attrs.error(parent, "text '" + abbreviate(t.text()) + "' must sit inside a block such as <p>",
                                "wrap it in <p>...</p>");
                    }
                }
                case SourceMark m -> meet(m);
            }
        }
        return out;
    }

    private void meet(SourceMark mark) {
        sources.value(mark.number()).ifPresent(v -> current = v);
    }

    private Optional<Block> block(Element element) {
        SourceLocation where = origin(element);
        // keep-together is taken by every block that flows; the element is then read without it.
        boolean keep = false;
        Element e = element;
        if (KEEPABLE.contains(e.name()) && e.attributes().containsKey("keep-together")) {
            keep = attrs.flag(e, "keep-together", false);
            Map<String, String> rest = new java.util.LinkedHashMap<>(e.attributes());
            rest.remove("keep-together");
            e = new Element(e.name(), rest, e.children(), e.line(), e.marks());
        }
        Optional<Block> block = plainBlock(e, where);
        return keep ? block.map(b -> new Block.KeepTogether(b, where)) : block;
    }

    private Optional<Block> plainBlock(Element e, SourceLocation where) {
        return switch (e.name()) {
            case "h" -> Optional.of(heading(e, where));
            case "p" -> {
                attrs.only(e, List.of("style", "align"));
                TextStyle style = attrs.style(e, "style", "body");
                yield Optional.of(new Block.Paragraph(style, attrs.align(e, "align", null), inlines(e), where));
            }
            case "list" -> Optional.of(list(e, where));
            case "image" -> image(e, where);
            case "quote" -> Optional.of(quote(e, where));
            case "spacer" -> {
                attrs.only(e, List.of("height", "grow"));
                yield Optional.of(new Block.Spacer(attrs.points(e, "height", 12), attrs.grow(e), where));
            }
            case "rule" -> {
                attrs.only(e, List.of("color", "thickness", "width"));
                yield Optional.of(new Block.Rule(attrs.color(e, "color", Rgb.BLACK), attrs.points(e, "thickness", 0.5),
                        attrs.length(e, "width", Length.FULL), where));
            }
            case "panel" -> Optional.of(panel(e, where));
            case "row" -> Optional.of(row(e, where));
            case "grid" -> Optional.of(grid(e, where));
            case "table" -> Optional.of(new TableReader(this, attrs).table(e, where));
            case "qr" -> qr(e, where);
            case "columns" -> {
                attrs.only(e, List.of("count", "gap"));
                yield Optional.of(new Block.Columns(attrs.integer(e, "count", 2, 1, 6), attrs.points(e, "gap", 12),
                        blocks(e), where));
            }
            case "page-break" -> {
                attrs.only(e, List.of());
                yield Optional.of(new Block.PageBreak(where));
            }
            case "column-break" -> {
                attrs.only(e, List.of());
                yield Optional.of(new Block.ColumnBreak(where));
            }
            case "page" -> Optional.of(fixedPage(e, where));
            default -> {
                attrs.error(e, "<" + e.name() + "> is not a layout block", INLINES.contains(e.name())
                        ? "inline elements belong inside <p>, <h> or <item>" : Suggestions.hint(e.name(), BLOCKS));
                yield Optional.empty();
            }
        };
    }

    private Block heading(Element e, SourceLocation where) {
        attrs.only(e, List.of("level", "style", "outline"));
        int level = attrs.integer(e, "level", 1, 1, 6);
        TextStyle style = attrs.style(e, "style", "h" + level);
        return new Block.Heading(level, style, inlines(e), attrs.flag(e, "outline", false), where);
    }

    private Block list(Element e, SourceLocation where) {
        attrs.only(e, List.of("style", "ordered", "marker", "marker-color"));
        TextStyle style = attrs.style(e, "style", "body");
        boolean ordered = attrs.flag(e, "ordered", false);
        String marker = attrs.string(e, "marker").orElse(ordered ? "1." : "\u2022");
        List<List<Block>> items = new ArrayList<>();
        for (Element item : e.elements()) {
            if (!item.name().equals("item")) {
                attrs.error(item, "a <list> holds only <item> elements", "wrap the content in <item>...</item>");
                continue;
            }
            attrs.only(item, List.of());
            items.add(flowOrInline(item, style));
        }
        return new Block.ListBlock(style, ordered, marker, attrs.color(e, "marker-color", null), items, where);
    }

    /** Content that is either blocks or, as a shorthand, inline text set as one paragraph. */
    List<Block> flowOrInline(Element e, TextStyle style) {
        return flowOrInline(e, style, null);
    }

    /** As {@link #flowOrInline(Element, TextStyle)}, inline text set with {@code align} (null: the style's). */
    List<Block> flowOrInline(Element e, TextStyle style, dev.brochure.vocab.Align align) {
        boolean hasBlocks = e.elements().stream().anyMatch(c -> BLOCKS.contains(c.name()));
        if (hasBlocks) {
            return blocks(e);
        }
        return List.of(new Block.Paragraph(style, align, inlines(e), origin(e)));
    }

    private Optional<Block> image(Element e, SourceLocation where) {
        attrs.only(e, List.of("src", "alt", "fit", "focus", "grow", "width", "height", "aspect", "align",
                "caption-style", "radius"));
        Optional<String> src = attrs.string(e, "src");
        if (src.isEmpty() || src.get().isEmpty()) {
            attrs.error(e, "<image> needs src", "src names the image, for example src=\"${section.photo}\"");
            return Optional.empty();
        }
        Optional<ImageRef> image = images.apply(src.get());
        if (image.isEmpty()) {
            return Optional.empty();
        }
        List<Inline> caption = List.of();
        for (Element child : e.elements()) {
            if (child.name().equals("caption")) {
                attrs.only(child, List.of());
                caption = inlines(child);
            } else {
                attrs.error(child, "<image> holds only a <caption>", null);
            }
        }
        Fit fit = attrs.fit(e, "fit", Fit.COVER);
        Length height = attrs.length(e, "height", null);
        return Optional.of(new Block.Image(image.get(), fit, attrs.length(e, "width", Length.FULL), height,
                attrs.aspect(e, "aspect"), attrs.align(e, "align", null), caption,
                attrs.style(e, "caption-style", "caption"), attrs.points(e, "radius", 0),
                attrs.string(e, "alt").map(a -> a.replaceAll("\\s+", " ")).orElse(null), attrs.focus(e, "focus"),
                attrs.grow(e), where));
    }

    private Block quote(Element e, SourceLocation where) {
        attrs.only(e, List.of("style", "bar", "attribution-style"));
        TextStyle style = attrs.style(e, "style", "quote");
        List<Inline> attribution = List.of();
        List<Node> body = new ArrayList<>();
        for (Node child : e.children()) {
            if (child instanceof Element c && c.name().equals("attribution")) {
                attrs.only(c, List.of());
                attribution = inlines(c);
            } else {
                body.add(child);
            }
        }
        Element bodyElement = new Element("quote", Map.of(), body, e.line());
        return new Block.Quote(flowOrInline(bodyElement, style), attribution,
                attrs.style(e, "attribution-style", "attribution"), attrs.color(e, "bar", null), where);
    }

    private Block panel(Element e, SourceLocation where) {
        attrs.only(e, List.of("fill", "stroke", "stroke-width", "padding", "radius", "height", "valign", "grow"));
        return new Block.Panel(attrs.color(e, "fill", null), attrs.color(e, "stroke", null),
                attrs.points(e, "stroke-width", 0.75), attrs.insets(e, "padding", Insets.NONE),
                attrs.points(e, "radius", 0), attrs.points(e, "height", 0), attrs.valign(e, "valign", VAlign.TOP),
                attrs.grow(e), blocks(e), where);
    }

    private Block row(Element e, SourceLocation where) {
        attrs.only(e, List.of("gap", "valign", "equal-height", "split"));
        List<Block.Cell> cells = new ArrayList<>();
        for (Element cell : e.elements()) {
            if (!cell.name().equals("cell")) {
                attrs.error(cell, "a <row> holds only <cell> elements", "wrap the content in <cell>...</cell>");
                continue;
            }
            attrs.only(cell, List.of("width", "weight"));
            cells.add(new Block.Cell(attrs.length(cell, "width", null), attrs.number(cell, "weight", 1, 0, 1000), blocks(cell)));
        }
        if (cells.isEmpty()) {
            attrs.error(e, "<row> has no <cell>", null);
        }
        return new Block.Row(attrs.points(e, "gap", 12), attrs.valign(e, "valign", VAlign.TOP),
                attrs.flag(e, "equal-height", false), attrs.flag(e, "split", false), cells, where);
    }

    private Block grid(Element e, SourceLocation where) {
        attrs.only(e, List.of("columns", "gap", "row-gap", "valign", "equal-height", "last-row"));
        List<Block.Cell> cells = new ArrayList<>();
        for (Element cell : e.elements()) {
            if (!cell.name().equals("cell")) {
                attrs.error(cell, "a <grid> holds only <cell> elements", "wrap each card in <cell>...</cell>");
                continue;
            }
            attrs.only(cell, List.of());
            cells.add(new Block.Cell(null, 1, blocks(cell)));
        }
        double gap = attrs.points(e, "gap", 12);
        return new Block.Grid(attrs.integer(e, "columns", 2, 1, 12), gap, attrs.points(e, "row-gap", gap),
                attrs.valign(e, "valign", VAlign.TOP), attrs.flag(e, "equal-height", false),
                attrs.lastRow(e, "last-row", Block.LastRow.START), cells, where);
    }

    private Optional<Block> qr(Element e, SourceLocation where) {
        attrs.only(e, List.of("data", "size", "color", "background", "error-correction", "quiet-zone", "align", "alt"));
        String data = attrs.string(e, "data").orElse("");
        if (data.isEmpty()) {
            attrs.error(e, "<qr> needs data", "data is the link or text the code holds, for example data=\"${section.link}\"");
            return Optional.empty();
        }
        if (!e.elements().isEmpty()) {
            attrs.error(e, "<qr> holds nothing", "give the link or text in its data attribute");
        }
        String level = attrs.string(e, "error-correction").filter(s -> !s.isEmpty()).orElse("M").toUpperCase(java.util.Locale.ROOT);
        if (!List.of("L", "M", "Q", "H").contains(level)) {
            attrs.error(e, "error-correction='" + level + "' is not allowed", "use L, M, Q or H (7, 15, 25 or 30% of the code may be lost)");
            level = "M";
        }
        return Optional.of(new Block.Qr(data, attrs.points(e, "size", 25 * 72 / 25.4), attrs.color(e, "color", Rgb.BLACK),
                attrs.color(e, "background", null), level.charAt(0), attrs.integer(e, "quiet-zone", 4, 0, 10),
                attrs.align(e, "align", null), attrs.string(e, "alt").map(a -> a.replaceAll("\\s+", " ")).orElse(null),
                where));
    }

    private Block fixedPage(Element e, SourceLocation where) {
        attrs.only(e, List.of("master", "background"));
        MasterSpec master = master(e, attrs.string(e, "master").orElse("body"));
        List<Block.Frame> frames = new ArrayList<>();
        for (Element f : e.elements()) {
            if (!f.name().equals("frame")) {
                attrs.error(f, "a <page> holds only <frame> elements", null);
                continue;
            }
            attrs.only(f, List.of("x", "y", "width", "height", "fill", "padding", "valign", "bleed"));
            frames.add(new Block.Frame(attrs.signedLength(f, "x", Length.points(0)), attrs.signedLength(f, "y", Length.points(0)),
                    attrs.length(f, "width", Length.FULL), attrs.length(f, "height", null), attrs.color(f, "fill", null),
                    attrs.insets(f, "padding", Insets.NONE), attrs.valign(f, "valign", VAlign.TOP),
                    attrs.flag(f, "bleed", false), blocks(f), origin(f)));
        }
        return new Block.FixedPage(master, attrs.color(e, "background", master.background()), frames, where);
    }

    MasterSpec master(Element e, String name) {
        MasterSpec master = theme.masters().get(name);
        if (master == null) {
            attrs.error(e, "page master '" + name + "' is not defined in the theme",
                    Suggestions.hint(name, theme.masters().keySet()));
            return theme.masters().get("body");
        }
        return master;
    }

    /** The runs of text inside an element, with their bold, italic, colour and link. */
    List<Inline> inlines(Element e) {
        List<Inline> out = new ArrayList<>();
        collect(e, false, false, null, null, out);
        return out;
    }

    private void collect(Element e, boolean bold, boolean italic, String href, Rgb color, List<Inline> out) {
        for (Node child : e.children()) {
            switch (child) {
                case Markup.Text t -> out.add(new Inline.Run(t.text(), bold, italic, href, color));
                case SourceMark m -> meet(m);
                case Element c -> {
                    c.marks().forEach(this::meet);
                    switch (c.name()) {
                        case "b" -> collect(c, true, italic, href, color, out);
                        case "i" -> collect(c, bold, true, href, color, out);
                        case "a" -> {
                            attrs.only(c, List.of("href"));
                            String target = attrs.string(c, "href").orElse(null);
                            if (target == null || target.isEmpty()) {
                                attrs.error(c, "<a> needs href", null);
                            } else {
                                Optional<String> problem = LinkTarget.problem(target);
                                if (problem.isPresent()) {
                                    attrs.error(c, "href cannot be used: " + problem.get(), LinkTarget.HINT);
                                    target = null;
                                }
                                if (target != null) {
                                    checkAnchor(c, target);
                                }
                            }
                            collect(c, bold, italic, target, color, out);
                        }
                        case "span" -> {
                            attrs.only(c, List.of("color"));
                            collect(c, bold, italic, href, attrs.color(c, "color", color), out);
                        }
                        case "br" -> out.add(new Inline.Break());
                        default -> attrs.error(c, "<" + c.name() + "> cannot appear inside text",
                                BLOCKS.contains(c.name()) ? "close the paragraph before starting a new block"
                                        : Suggestions.hint(c.name(), INLINES));
                    }
                }
            }
        }
    }

    /**
     * A link inside the document must name a section that exists. It is reported where it was
     * written: at the content value whose text holds it, or else in the template.
     */
    private void checkAnchor(Element a, String href) {
        if (!href.startsWith("#") || anchors.contains(href.substring(1))) {
            return;
        }
        String id = href.substring(1);
        String message = "the link to '" + href + "' points nowhere: no section has the id '" + id + "'";
        String hint = Suggestions.hint(id, anchors);
        if (current instanceof Value.Text text && text.text().spans().stream().anyMatch(s -> href.equals(s.href()))) {
            if (reported.add(text.where() + " " + href)) {
                attrs.error(text.where(), message, hint);
            }
        } else {
            attrs.error(a, message, hint);
        }
    }

    /** The YAML location of the first content value the element shows, else {@code fallback}. */
    SourceLocation origin(Element e) {
        return firstValue(e).map(Value::where).orElse(fallback);
    }

    private Optional<Value> firstValue(Element e) {
        for (SourceMark mark : e.marks()) {
            Optional<Value> value = sources.value(mark.number());
            if (value.isPresent()) {
                return value;
            }
        }
        for (Node child : e.children()) {
            Optional<Value> value = switch (child) {
                case SourceMark m -> sources.value(m.number());
                case Element c -> firstValue(c);
                case Markup.Text t -> Optional.empty();
            };
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 30 ? t : t.substring(0, 27) + "...";
    }
}
