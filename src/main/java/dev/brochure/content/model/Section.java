package dev.brochure.content.model;

import dev.brochure.vocab.SourceLocation;

/**
 * One section file: which layout descriptor sets it, its title (for the outline and running
 * footer), its fields, validated against that layout's schema, and how it starts: {@code start}
 * is {@code page} or {@code continue} when the file says so (it overrides the layout), else null.
 */
public record Section(String id, String layout, String title, Value.Fields fields, SourceLocation where,
        String start) {

    public Section(String id, String layout, String title, Value.Fields fields, SourceLocation where) {
        this(id, layout, title, fields, where, null);
    }
}
