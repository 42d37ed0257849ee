package dev.brochure.content.model;

import dev.brochure.vocab.SourceLocation;

/**
 * One section file: which layout descriptor sets it, its title (for the outline and running
 * footer), and its fields, validated against that layout's schema.
 */
public record Section(String id, String layout, String title, Value.Fields fields, SourceLocation where) {
}
