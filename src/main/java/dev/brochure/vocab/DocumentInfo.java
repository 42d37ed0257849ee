package dev.brochure.vocab;

import java.time.LocalDate;
import java.util.List;

/** The document-wide settings of {@code brochure.yaml}; they become the PDF's metadata. */
public record DocumentInfo(
        String title,
        String author,
        String subject,
        List<String> keywords,
        String language,
        Paper paper,
        LocalDate date,
        SourceLocation where) {

    public DocumentInfo {
        keywords = List.copyOf(keywords);
    }

    public DocumentInfo withPaper(Paper other) {
        return new DocumentInfo(title, author, subject, keywords, language, other, date, where);
    }
}
