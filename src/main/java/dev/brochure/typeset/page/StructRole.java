package dev.brochure.typeset.page;

/**
 * The kinds of element in a document's logical structure: the standard structure types of
 * ISO 32000-1 (14.8.4) that a tagged PDF uses, by their PDF names. Tables have theirs here so
 * that a table block only needs to build its nodes.
 */
public enum StructRole {
    DOCUMENT("Document"),
    SECT("Sect"),
    DIV("Div"),
    H1("H1"), H2("H2"), H3("H3"), H4("H4"), H5("H5"), H6("H6"),
    P("P"),
    L("L"),
    LI("LI"),
    LBL("Lbl"),
    LBODY("LBody"),
    FIGURE("Figure"),
    CAPTION("Caption"),
    BLOCK_QUOTE("BlockQuote"),
    TABLE("Table"),
    THEAD("THead"),
    TBODY("TBody"),
    TR("TR"),
    TH("TH"),
    TD("TD"),
    LINK("Link"),
    SPAN("Span");

    private final String pdfName;

    StructRole(String pdfName) {
        this.pdfName = pdfName;
    }

    /** The standard structure type, as written in the PDF ({@code /S /H1}). */
    public String pdfName() {
        return pdfName;
    }

    /** The heading role of a level from 1 to 6. */
    public static StructRole heading(int level) {
        return switch (Math.max(1, Math.min(6, level))) {
            case 1 -> H1;
            case 2 -> H2;
            case 3 -> H3;
            case 4 -> H4;
            case 5 -> H5;
            default -> H6;
        };
    }

    /**
     * Whether the element holds text whose parts (links, spans in another language) are elements
     * of their own: its content and those parts are read in the order they are set, line by line.
     */
    public boolean holdsText() {
        return switch (this) {
            case H1, H2, H3, H4, H5, H6, P, LBL, CAPTION, TH, TD, LINK, SPAN -> true;
            default -> false;
        };
    }
}
