package dev.brochure.render;

import dev.brochure.typeset.page.StructNode;
import dev.brochure.typeset.page.StructRole;
import dev.brochure.typeset.page.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfRectangle;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfStructureTreeRoot;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The tagged PDF's logical structure: one structure element per {@link StructNode} of the typeset
 * document, and the marked content that ties what is drawn to them.
 *
 * <p>OpenPDF's tagged-PDF support does the frame: {@link PdfWriter#setTagged} writes the catalogue's
 * {@code StructTreeRoot} and {@code MarkInfo} and each page's {@code StructParents};
 * {@link PdfStructureElement} is each element (type, parent, reference) and
 * {@link PdfStructureTreeRoot} writes the tree and its parent tree ({@code addExistingObject}
 * for the entries made here). A figure drawn on the page is marked through
 * {@link PdfContentByte#beginMarkedContentSequence(PdfStructureElement)}, which records it in
 * the page's parent-tree entry.
 *
 * <p>Two things OpenPDF does not do are done here with its object classes. Text is drawn inside
 * form XObjects ({@link TextForms}), so its marked-content sequences live in the forms: each form
 * has its own {@code StructParents} entry, and the element points at its content with a marked-
 * content reference naming the form ({@code /Stm}). And an element's kids are written once the
 * pages are drawn, in reading order: for an element of structure (section, list, division) its
 * child elements in content order; for an element holding text (a paragraph, a heading, a
 * caption) its text and its parts (links, spans in another language) in the order they are set,
 * so that a link is read where it stands in its sentence. A line of right-to-left text is drawn
 * in visual order, the reverse of its reading order: such a paragraph's runs are numbered in
 * reading order ({@link dev.brochure.typeset.page.PageItem.GlyphRun#reading()}), each marked-
 * content sequence holds runs that follow each other in it, and the kids are put in the order
 * of the first run each holds (a part: the first of all its sequences), so the tree lists a line's
 * text, its link and its text again as they are read, whatever the drawing order. A link's annotation is a kid of its
 * {@code Link} element (an object reference) and names it as its {@code StructParent}.
 *
 * <p>Elements that got no content at all (a panel holding only a rule) are left out of the tree.
 */
final class StructureTree {

    private static PdfName mcrName() {
        return new PdfName("MCR");
    }

    private static PdfName objrName() {
        return new PdfName("OBJR");
    }

    private static PdfName stmName() {
        return new PdfName("Stm");
    }

    private static PdfName objName() {
        return new PdfName("Obj");
    }

    private static PdfName layoutName() {
        return new PdfName("Layout");
    }

    private static PdfName oName() {
        return new PdfName("O");
    }


    private final PdfWriter writer;
    private final PdfStructureTreeRoot root;
    private final Map<Integer, StructNode> nodes = new HashMap<>();
    private final Map<Integer, StructNode> parents = new HashMap<>();
    private final Map<Integer, PdfStructureElement> elements = new HashMap<>();
    /**
     * A marked-content sequence, as a kid of its element: the first run (in its paragraph's
     * reading order) whose text it holds, -1 while none that is numbered.
     */
    final class Marked {
        private final int node;
        private int first = -1;

        private Marked(int node) {
            this.node = node;
        }

        /** The sequence holds the run read at {@code reading} (-1: not numbered) too. */
        void reads(int reading) {
            if (reading >= 0) {
                first = first < 0 ? reading : Math.min(first, reading);
                firstRead.merge(node, reading, Math::min);
            }
        }
    }

    /**
     * A kid as drawn: a marked-content sequence ({@code marked}), an object reference, or a part
     * of a text element ({@code part}: its id, else -1).
     */
    private record Kid(PdfObject object, Marked marked, int part) {
    }

    /** Each element's kids as drawn: marked-content and object references, and its parts (links, spans). */
    private final Map<Integer, List<Kid>> drawn = new HashMap<>();
    /** The first run, in reading order, of each element's marked content, where its runs are numbered. */
    private final Map<Integer, Integer> firstRead = new HashMap<>();
    private final Map<Integer, Set<Integer>> partsSeen = new HashMap<>();
    private final StructNode document;

    /**
     * Makes the elements of {@code structure}. The writer must have been made tagged
     * ({@link PdfWriter#setTagged}) before the document was opened.
     */
    StructureTree(PdfWriter writer, StructNode structure) {
        this.writer = writer;
        this.root = writer.getStructureTreeRoot();
        this.document = structure;
        PdfStructureElement top = new PdfStructureElement(root, name(structure.role()));
        register(structure, null, top);
    }

    private void register(StructNode node, StructNode parent, PdfStructureElement element) {
        nodes.put(node.id(), node);
        if (parent != null) {
            parents.put(node.id(), parent);
        }
        elements.put(node.id(), element);
        if (node.alt() != null && !node.alt().isEmpty()) {
            element.put(PdfName.ALT, new PdfString(node.alt(), PdfObject.TEXT_UNICODE));
        }
        if (node.lang() != null) {
            element.put(PdfName.LANG, new PdfString(node.lang(), PdfObject.TEXT_UNICODE));
        }
        if (node.title() != null && !node.title().isBlank()) {
            element.put(PdfName.T, new PdfString(node.title(), PdfObject.TEXT_UNICODE));
        }
        if (node.role() == StructRole.TH) {
            // A table's head cells head their columns (PDF/UA: a TH says what it heads).
            PdfDictionary attributes = new PdfDictionary();
            attributes.put(oName(), new PdfName("Table"));
            attributes.put(new PdfName("Scope"), new PdfName("Column"));
            element.put(PdfName.A, attributes);
        }
        for (StructNode child : node.children()) {
            register(child, node, new PdfStructureElement(element, name(child.role())));
        }
    }

    private static PdfName name(StructRole role) {
        return new PdfName(role.pdfName());
    }

    /**
     * The element an item tagged {@code tag} is content of; the document's root for an item that
     * was given none, or names no element of this document.
     */
    int element(Tag.Content tag) {
        return nodes.containsKey(tag.node()) ? tag.node() : document.id();
    }

    /** The element an untagged item is content of: the document itself. */
    int documentElement() {
        return document.id();
    }

    /** The description of {@code node} (a link's text, a figure's alt text), or null. */
    String alt(int node) {
        return nodes.get(node).alt();
    }

    StructRole role(int node) {
        return nodes.get(node).role();
    }

    /** The tag name marked content of {@code node} is written with ({@code /P}, {@code /Figure}, …). */
    String tagName(int node) {
        return "/" + nodes.get(node).role().pdfName();
    }

    PdfIndirectReference reference(int node) {
        return elements.get(node).getReference();
    }

    /**
     * Records that marked-content sequence {@code mcid} of the form {@code stream} on page
     * {@code page} is content of {@code node}; the caller tells the sequence which runs it holds.
     */
    Marked formContent(int node, PdfIndirectReference page, PdfIndirectReference stream, int mcid) {
        PdfDictionary mcr = new PdfDictionary(mcrName());
        mcr.put(PdfName.PG, page);
        mcr.put(stmName(), stream);
        mcr.put(PdfName.MCID, new PdfNumber(mcid));
        Marked marked = new Marked(node);
        kid(node, new Kid(mcr, marked, -1));
        return marked;
    }

    /**
     * The parent-tree entry of a form whose marked-content sequences 0, 1, … are content of
     * {@code owners}: its {@code StructParents} value.
     */
    int formParents(List<Integer> owners) {
        PdfArray array = new PdfArray();
        for (int owner : owners) {
            array.add(reference(owner));
        }
        try {
            return root.addExistingObject(writer.addToBody(array).getIndirectReference());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Marks the figure {@code node} drawn next on the page's content: OpenPDF writes the
     * sequence and the page's parent-tree entry; {@code bbox} is where it shows, in PDF units.
     */
    void beginFigure(PdfContentByte cb, int node, float llx, float lly, float urx, float ury) {
        PdfStructureElement figure = elements.get(node);
        PdfDictionary attributes = new PdfDictionary();
        attributes.put(oName(), layoutName());
        attributes.put(PdfName.BBOX, new PdfRectangle(llx, lly, urx, ury));
        figure.put(PdfName.A, attributes);
        cb.beginMarkedContentSequence(figure);
        partOf(node);
    }

    /**
     * Records the annotation {@code annotation} of link element {@code node} on page {@code page}:
     * an object reference among the element's kids; returns the annotation's {@code StructParent}.
     */
    int annotation(int node, PdfIndirectReference annotation, PdfIndirectReference page) {
        PdfDictionary objr = new PdfDictionary(objrName());
        objr.put(objName(), annotation);
        objr.put(PdfName.PG, page);
        kid(node, new Kid(objr, null, -1));
        return root.addExistingObject(reference(node));
    }

    private void kid(int node, Kid kid) {
        drawn.computeIfAbsent(node, n -> new ArrayList<>()).add(kid);
        partOf(node);
    }

    /** A part of a text element (a link, a span) is among its kids where its content is first drawn. */
    private void partOf(int node) {
        StructNode parent = parents.get(node);
        if (parent != null && parent.role().holdsText()
                && partsSeen.computeIfAbsent(parent.id(), p -> new LinkedHashSet<>()).add(node)) {
            drawn.computeIfAbsent(parent.id(), n -> new ArrayList<>()).add(new Kid(elements.get(node), null, node));
            partOf(parent.id());
        }
    }

    /**
     * Writes every element's kids, once all pages are drawn; leaves out elements without content.
     * Must run before the document is closed (OpenPDF writes the tree then).
     */
    void finish() {
        Map<Integer, Boolean> content = new HashMap<>();
        hasContent(document, content);
        finish(document, content);
    }

    /**
     * A text element's kids in reading order: each run of consecutive kids whose first run is
     * numbered is put in the order of their first runs; the others stay where they were drawn
     * (a paragraph drawn in reading order, a link's annotation). An element's text is one
     * paragraph's, so its runs are numbered along one paragraph.
     */
    private List<Kid> inReadingOrder(List<Kid> drawnKids) {
        List<Kid> ordered = new ArrayList<>(drawnKids);
        int i = 0;
        while (i < ordered.size()) {
            if (firstRead(ordered.get(i)) < 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < ordered.size() && firstRead(ordered.get(j)) >= 0) {
                j++;
            }
            ordered.subList(i, j).sort(Comparator.comparingInt(this::firstRead));
            i = j;
        }
        return ordered;
    }

    private int firstRead(Kid kid) {
        return kid.marked() != null ? kid.marked().first : kid.part() >= 0 ? firstRead.getOrDefault(kid.part(), -1) : -1;
    }

    private boolean hasContent(StructNode node, Map<Integer, Boolean> content) {
        boolean has = drawn.containsKey(node.id()) || node.role() == StructRole.FIGURE
                && elements.get(node.id()).get(PdfName.K) != null;
        for (StructNode child : node.children()) {
            has |= hasContent(child, content);
        }
        content.put(node.id(), has);
        return has;
    }

    private void finish(StructNode node, Map<Integer, Boolean> content) {
        PdfStructureElement element = elements.get(node.id());
        if (node.role() == StructRole.FIGURE) {
            return; // OpenPDF set its kids (the marked content on its page) when it was drawn
        }
        PdfArray kids = new PdfArray();
        if (node.role().holdsText()) {
            for (Kid kid : inReadingOrder(drawn.getOrDefault(node.id(), List.of()))) {
                kids.add(kid.object());
            }
        } else {
            for (StructNode child : node.children()) {
                if (content.get(child.id())) {
                    kids.add(elements.get(child.id()));
                }
            }
            for (Kid kid : drawn.getOrDefault(node.id(), List.of())) {
                kids.add(kid.object());
            }
        }
        element.put(PdfName.K, kids);
        for (StructNode child : node.children()) {
            if (content.get(child.id())) {
                finish(child, content);
            }
        }
    }
}
