package dev.brochure.inspect.verify;

/**
 * A piece of text that must appear in the PDF, and where it comes from (a {@code file:line:column}
 * of the content, shown when it is missing). Inspect does not read content itself: the caller
 * gives it these.
 */
public record ExpectedText(String text, String origin) {
}
