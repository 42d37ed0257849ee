package dev.brochure.inspect.verify;

/** The checks of {@code brochure verify}; each failure names its rule by {@link #id()}. */
public enum Rule {
    PAGES("pages", "the PDF has at least one page"),
    FONT_EMBEDDED("font-embedded", "every font that shows text is embedded"),
    MISSING_GLYPH("missing-glyph", "every character shown has a glyph in its font and maps back to Unicode"),
    IMAGE_RESOLUTION("image-resolution", "every placed image reaches the --min-ppi floor"),
    LINK_TARGET("link-target", "every link and bookmark goes somewhere: an existing destination or page, a well-formed"
            + " http, https, mailto or tel URI"),
    TEXT_ON_PAGE("text-on-page", "no text is drawn outside its page's media box, where no reader sees it"),
    CONTENT_TEXT("content-text", "every text unit of the content (--content) is found in the PDF's text"),
    FILE_SIZE("file-size", "the file is within the --max-size budget");

    private final String id;
    private final String description;

    Rule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
