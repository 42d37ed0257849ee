package dev.brochure.typeset.flow;

import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.typeset.page.StructNode;
import dev.brochure.typeset.page.StructRole;
import dev.brochure.typeset.page.Tag;
import dev.brochure.typeset.text.RunTags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The document's logical structure, built from the layout's blocks in content order before any
 * of them is set, and the tags that tell what each placed item is in it.
 *
 * <p>Document, then one {@code Sect} per section; a heading is {@code H1}–{@code H6}, a paragraph
 * {@code P}, a list {@code L} of {@code LI}s (each a {@code Lbl} for its marker and an
 * {@code LBody} for its blocks), a picture a {@code Figure} with its description (in a
 * {@code Div} with its {@code Caption} when it has one; a decorative picture is an artifact), a
 * quotation a {@code BlockQuote}, a panel a {@code Div}. Rows, columns, fixed pages and frames
 * only arrange: their blocks belong to the element around them, cell by cell, except that an
 * {@code aside} cell (a sidebar) comes after the row's other cells, as a {@code Div}. Inside a
 * text element, a link is a {@code Link} (described by its text) and a run in another language
 * a {@code Span} with its {@code Lang}. Rules, spacers and breaks are not content.
 *
 * <p>A new kind of block adds its case to {@link #block}: a table, say, a {@code Table} of
 * {@code TR}s of {@code TH}/{@code TD} nodes made with {@link #text}-holding roles.
 */
final class Structure {

    /** An element being built; frozen into a {@link StructNode} when the document is done. */
    private static final class Node {
        final int id;
        final StructRole role;
        final String alt;
        final String lang;
        final String title;
        final List<Node> children = new ArrayList<>();
        /** The links and spans of a text element, by link target and language. */
        final Map<String, Node> parts = new LinkedHashMap<>();

        Node(int id, StructRole role, String alt, String lang, String title) {
            this.id = id;
            this.role = role;
            this.alt = alt;
            this.lang = lang;
            this.title = title;
        }

        StructNode freeze() {
            return new StructNode(id, role, alt, lang, title, children.stream().map(Node::freeze).toList());
        }
    }

    private final String language;
    private final Node root;
    private final Map<LayoutSection, Node> sections = new IdentityHashMap<>();
    /** The element of each block that has one (a figure's, not its caption's). */
    private final Map<Block, Node> elements = new IdentityHashMap<>();
    private final Map<Block, Node> captions = new IdentityHashMap<>();
    private final Map<Block, Node> attributions = new IdentityHashMap<>();
    /** The link element of a QR code that holds a link. */
    private final Map<Block, Node> links = new IdentityHashMap<>();
    private final Map<Block, List<Node>> labels = new IdentityHashMap<>();
    /** Blocks typesetting made from others (an image given its frame's height) and the block they stand for. */
    private final Map<Block, Block> aliases = new IdentityHashMap<>();
    /** Numbers the elements: from 0 up in a document, from -1 down for sections shared by a batch. */
    private final IntSupplier ids;

    private Structure(String language, IntSupplier ids) {
        this.language = language;
        this.ids = ids;
        this.root = node(StructRole.DOCUMENT, null, language, null);
    }

    static Structure of(LayoutDocument layout) {
        return of(layout, SharedSections.none());
    }

    /**
     * The document's structure; a section that {@code shared} shares has the very elements (and
     * numbers) it has in every other copy of the batch, so that the lines and boxes typeset once
     * for it are tagged right in each copy.
     */
    static Structure of(LayoutDocument layout, SharedSections shared) {
        int[] next = {0};
        String language = layout.info().language();
        Structure s = new Structure(language, () -> next[0]++);
        for (LayoutSection section : layout.sections()) {
            Node sect;
            if (shared.shares(section)) {
                Structure own = shared.structure(section, language, ids -> {
                    Structure part = new Structure(language, ids);
                    part.sectionOf(section);
                    return part;
                });
                sect = own.sections.get(section);
                s.elements.putAll(own.elements);
                s.captions.putAll(own.captions);
                s.attributions.putAll(own.attributions);
                s.links.putAll(own.links);
                s.labels.putAll(own.labels);
                s.sections.put(section, sect);
            } else {
                sect = s.sectionOf(section);
            }
            s.root.children.add(sect);
        }
        return s;
    }

    /** Builds the elements of {@code section}, under a {@code Sect} of its own. */
    private Node sectionOf(LayoutSection section) {
        Node sect = node(StructRole.SECT, null, null, section.title());
        sections.put(section, sect);
        blocks(section.blocks(), sect);
        return sect;
    }

    /** The structure as built: the document's root element. */
    StructNode root() {
        return root.freeze();
    }

    /** The tag of content that belongs to a section as a whole (what no block claimed). */
    Tag section(LayoutSection section) {
        Node sect = sections.get(section);
        return new Tag.Content(sect == null ? root.id : sect.id);
    }

    /** The tag of a section, by its id, for items placed on its pages that no block claimed. */
    Tag section(String id) {
        for (Map.Entry<LayoutSection, Node> e : sections.entrySet()) {
            if (e.getKey().id().equals(id)) {
                return new Tag.Content(e.getValue().id);
            }
        }
        return new Tag.Content(root.id);
    }

    /** {@code derived} stands for {@code original}: its items are tagged as the original's would be. */
    void alias(Block derived, Block original) {
        aliases.put(derived, original);
    }

    /** The tags of a heading's or paragraph's text. */
    RunTags text(Block block) {
        return tags(elements.get(resolve(block)));
    }

    /** The tags of an image's caption. */
    RunTags caption(Block.Image image) {
        return tags(captions.get(resolve(image)));
    }

    /** The tags of a quotation's attribution. */
    RunTags attribution(Block.Quote quote) {
        return tags(attributions.get(resolve(quote)));
    }

    /** The tags of list item {@code item}'s marker. */
    RunTags label(Block.ListBlock list, int item) {
        List<Node> lbl = labels.get(resolve(list));
        return tags(lbl == null || item >= lbl.size() ? null : lbl.get(item));
    }

    /** The tag of an image's picture (or a QR code): its figure, or an artifact if it is decorative. */
    Tag figure(Block image) {
        Node figure = elements.get(resolve(image));
        return figure == null ? Tag.Artifact.LAYOUT : new Tag.Content(figure.id);
    }

    /** The tag of a QR code's link area: its link element. */
    Tag link(Block.Qr qr) {
        Node link = links.get(qr);
        return link == null ? Tag.NONE : new Tag.Content(link.id);
    }

    private Block resolve(Block block) {
        Block original = aliases.get(block);
        return original == null ? block : original;
    }

    private RunTags tags(Node element) {
        if (element == null) {
            return RunTags.all(Tag.NONE);
        }
        Tag own = new Tag.Content(element.id);
        Map<String, Tag> parts = new HashMap<>();
        element.parts.forEach((key, node) -> parts.put(key, new Tag.Content(node.id)));
        return (href, lang) -> {
            String other = own(lang);
            return href == null && other == null ? own : parts.getOrDefault(key(href, other), own);
        };
    }

    /** A run's language if it differs from the document's, else null. */
    private String own(String lang) {
        return lang == null || lang.equalsIgnoreCase(language) ? null : lang;
    }

    private Node node(StructRole role, String alt, String lang, String title) {
        return new Node(ids.getAsInt(), role, alt, lang, title);
    }

    private void blocks(List<Block> blocks, Node parent) {
        for (Block block : blocks) {
            block(block, parent);
        }
    }

    private void block(Block block, Node parent) {
        switch (block) {
            case Block.Heading h -> text(h, StructRole.heading(h.level()), h.text(), parent);
            case Block.Paragraph p -> text(p, StructRole.P, p.text(), parent);
            case Block.ListBlock l -> list(l, parent);
            case Block.Image i -> image(i, parent);
            case Block.Quote q -> {
                Node quote = child(parent, StructRole.BLOCK_QUOTE);
                elements.put(q, quote);
                blocks(q.body(), quote);
                if (!q.attribution().isEmpty()) {
                    attributions.put(q, textNode(StructRole.P, q.attribution(), quote));
                }
            }
            case Block.Panel p -> {
                Node div = child(parent, StructRole.DIV);
                elements.put(p, div);
                blocks(p.blocks(), div);
            }
            case Block.Row r -> {
                for (Block.Cell cell : r.cells()) {
                    if (!cell.aside()) {
                        blocks(cell.blocks(), parent);
                    }
                }
                for (Block.Cell cell : r.cells()) {
                    if (cell.aside() && !cell.blocks().isEmpty()) {
                        blocks(cell.blocks(), child(parent, StructRole.DIV));
                    }
                }
            }
            case Block.Grid g -> {
                for (Block.Cell cell : g.cells()) {
                    blocks(cell.blocks(), parent);
                }
            }
            case Block.Table t -> table(t, parent);
            case Block.Qr q -> {
                // A code that is also a link: a Link element around its figure, so the annotation has its element.
                Node holder = parent;
                if (QrBox.isLink(q.data())) {
                    holder = node(StructRole.LINK, q.alt() != null && !q.alt().isEmpty() ? q.alt() : q.data(), null,
                            null);
                    parent.children.add(holder);
                    links.put(q, holder);
                }
                if (q.alt() != null && !q.alt().isEmpty()) {
                    Node figure = node(StructRole.FIGURE, q.alt(), null, null);
                    holder.children.add(figure);
                    elements.put(q, figure);
                }
            }
            case Block.KeepTogether k -> block(k.block(), parent);
            case Block.Columns c -> blocks(c.blocks(), parent);
            case Block.FixedPage f -> {
                for (Block.Frame frame : f.frames()) {
                    blocks(frame.blocks(), parent);
                }
            }
            case Block.Spacer s -> { }
            case Block.Rule r -> { }
            case Block.PageBreak b -> { }
            case Block.ColumnBreak b -> { }
        }
    }

    private Node child(Node parent, StructRole role) {
        Node node = node(role, null, null, null);
        parent.children.add(node);
        return node;
    }

    private void text(Block block, StructRole role, List<Inline> text, Node parent) {
        elements.put(block, textNode(role, text, parent));
    }

    /** A text element with a part for each link and each run in another language. */
    private Node textNode(StructRole role, List<Inline> text, Node parent) {
        Node element = child(parent, role);
        Map<String, StringBuilder> linkText = new LinkedHashMap<>();
        for (Inline inline : text) {
            if (!(inline instanceof Inline.Run run)) {
                continue;
            }
            String lang = own(run.lang());
            if (run.href() == null && lang == null) {
                continue;
            }
            String key = key(run.href(), lang);
            if (run.href() != null) {
                linkText.computeIfAbsent(key, k -> new StringBuilder()).append(run.text());
            }
            if (!element.parts.containsKey(key)) {
                // The link's description is set once its whole text is known, below.
                element.parts.put(key, null);
            }
        }
        Map<String, Node> parts = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : element.parts.entrySet()) {
            String key = e.getKey();
            String href = key.substring(0, key.indexOf('\u0000'));
            String lang = key.substring(key.indexOf('\u0000') + 1);
            Node part = href.isEmpty()
                    ? node(StructRole.SPAN, null, lang, null)
                    : node(StructRole.LINK, describe(linkText.get(key), href), lang.isEmpty() ? null : lang, null);
            element.children.add(part);
            parts.put(key, part);
        }
        element.parts.clear();
        element.parts.putAll(parts);
        return element;
    }

    /** What a link says: its text, or where it goes when its text is empty. */
    private static String describe(StringBuilder text, String href) {
        String words = text == null ? "" : text.toString().replaceAll("\\s+", " ").strip();
        if (!words.isEmpty()) {
            return words;
        }
        return href.startsWith("#") ? "section " + href.substring(1) : href.replaceFirst("^mailto:", "");
    }

    private static String key(String href, String lang) {
        return Objects.requireNonNullElse(href, "") + "\u0000" + Objects.requireNonNullElse(lang, "");
    }

    private void list(Block.ListBlock l, Node parent) {
        Node list = child(parent, StructRole.L);
        elements.put(l, list);
        List<Node> lbl = new ArrayList<>();
        for (List<Block> item : l.items()) {
            Node li = child(list, StructRole.LI);
            lbl.add(child(li, StructRole.LBL));
            blocks(item, child(li, StructRole.LBODY));
        }
        labels.put(l, lbl);
    }

    /**
     * A table: a {@code Table} of {@code TR}s, the head rows' cells {@code TH}, the body rows'
     * {@code TD}, each holding the elements of its cell's blocks.
     */
    private void table(Block.Table t, Node parent) {
        Node table = child(parent, StructRole.TABLE);
        elements.put(t, table);
        for (Block.Table.TableRow row : t.head()) {
            Node tr = child(table, StructRole.TR);
            for (Block.Table.TableCell cell : row.cells()) {
                blocks(cell.blocks(), child(tr, StructRole.TH));
            }
        }
        for (Block.Table.RowGroup group : t.body()) {
            for (Block.Table.TableRow row : group.rows()) {
                Node tr = child(table, StructRole.TR);
                for (Block.Table.TableCell cell : row.cells()) {
                    blocks(cell.blocks(), child(tr, StructRole.TD));
                }
            }
        }
    }

    private void image(Block.Image i, Node parent) {
        boolean decorative = i.alt() != null && i.alt().isEmpty();
        Node holder = parent;
        if (!decorative && !i.caption().isEmpty()) {
            holder = child(parent, StructRole.DIV);
        }
        if (!decorative) {
            Node figure = node(StructRole.FIGURE, i.alt(), null, null);
            holder.children.add(figure);
            elements.put(i, figure);
        }
        if (!i.caption().isEmpty()) {
            captions.put(i, textNode(StructRole.CAPTION, i.caption(), holder));
        }
    }
}
