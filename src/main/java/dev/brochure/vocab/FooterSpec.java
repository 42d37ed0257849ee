package dev.brochure.vocab;

/**
 * The running footer: the style it is set in, its left and right texts, and the distance from the
 * bottom trim edge to its baseline. Texts may use {@code {page}}, {@code {pages}},
 * {@code {section}} and {@code {title}}.
 */
public record FooterSpec(String style, String left, String right, double baseline, boolean rule) {
}
