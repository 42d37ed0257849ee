package dev.brochure.typeset.page;

import dev.brochure.vocab.SourceLocation;

/**
 * A paragraph of running text as typeset (a heading, a caption and a quote's attribution are
 * paragraphs too), shared by its {@link PageItem.TextLine}s. {@code id} tells the paragraphs of a
 * document apart: it belongs to the layout's block, so setting the block again (a panel stretched
 * to the height of its row) gives the same id, and it is assigned in the order blocks are first
 * set. {@code where} is the YAML place of its text; {@code preview} its first words;
 * {@code justified} whether its lines are justified; {@code size} its font size (an em, in
 * points); {@code lines} how many lines it was set in.
 */
public record TextParagraph(int id, SourceLocation where, String style, String preview, boolean justified,
        boolean heading, double size, int lines) {
}
