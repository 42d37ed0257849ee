package dev.brochure.content.schema;

/**
 * The fields a layout descriptor accepts, read from the {@code <layout>.schema.yaml} that sits
 * beside its template. Content is validated against it before any template runs.
 */
public record SectionSchema(String layout, String description, Field root, String source) {
}
