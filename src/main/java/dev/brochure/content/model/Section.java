package dev.brochure.content.model;

import dev.brochure.vocab.SourceLocation;

/**
 * One section file: which layout descriptor sets it, its title (for the outline and running
 * footer), its fields, validated against that layout's schema, and how it starts: {@code start}
 * is {@code page} or {@code continue} when the file says so (it overrides the layout), else null.
 * {@code when} (may be null) is the recipient field the section is shown for: a personalised
 * copy shows it only when its reader has that field, the brochure without recipients never.
 */
public record Section(String id, String layout, String title, Value.Fields fields, SourceLocation where,
        String start, When when) {

    /** {@code when: recipient.<field>}, written at {@code where}. */
    public record When(String field, SourceLocation where) {
    }

    public Section(String id, String layout, String title, Value.Fields fields, SourceLocation where) {
        this(id, layout, title, fields, where, null, null);
    }

    /** A section shown to every reader. */
    public Section(String id, String layout, String title, Value.Fields fields, SourceLocation where,
            String start) {
        this(id, layout, title, fields, where, start, null);
    }

    public Section withFields(Value.Fields other) {
        return new Section(id, layout, title, other, where, start, when);
    }
}
