package dev.brochure.content.model;

import java.util.List;
import java.util.stream.Collectors;

/** Text as a run of spans, each with its own emphasis and optional link target. */
public record RichText(List<Span> spans) {

    public RichText {
        spans = List.copyOf(spans);
    }

    /** A stretch of text with one formatting; {@code href} is null unless it is a link. */
    public record Span(String text, boolean bold, boolean italic, String href) {
    }

    public static RichText plain(String text) {
        return new RichText(List.of(new Span(text, false, false, null)));
    }

    public String plainText() {
        return spans.stream().map(Span::text).collect(Collectors.joining());
    }

    public boolean isEmpty() {
        return spans.stream().allMatch(s -> s.text().isEmpty());
    }
}
