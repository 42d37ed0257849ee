package dev.brochure.inspect.report;

/**
 * The document information dictionary and the catalog's language. Every field is null when the
 * PDF does not set it; dates are ISO 8601 instants in UTC ({@code 2025-09-01T00:00:00Z}).
 */
public record Metadata(
        String title,
        String author,
        String subject,
        String keywords,
        String creator,
        String producer,
        String created,
        String modified,
        String language) {
}
