package dev.brochure.layout.tree;

import dev.brochure.vocab.MasterSpec;
import dev.brochure.vocab.SourceLocation;
import java.util.List;

/**
 * One section after its layout descriptor ran: the page master it flows on, whether it starts a
 * new page, and its blocks. {@code where} is the section's YAML file; {@code template} the layout.
 * {@code feather} is how much each space between its blocks may grow, at most, so that a page it
 * ends on ends at the foot of the type area (0: not at all).
 */
public record LayoutSection(String id, String title, MasterSpec master, boolean newPage, List<Block> blocks,
        SourceLocation where, String template, double feather) {

    public LayoutSection {
        blocks = List.copyOf(blocks);
    }

    public LayoutSection(String id, String title, MasterSpec master, boolean newPage, List<Block> blocks,
            SourceLocation where, String template) {
        this(id, title, master, newPage, blocks, where, template, 0);
    }
}
