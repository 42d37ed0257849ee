package dev.brochure.layout.tree;

import dev.brochure.vocab.MasterSpec;
import dev.brochure.vocab.SourceLocation;
import java.util.List;

/**
 * One section after its layout descriptor ran: the page master it flows on, whether it starts a
 * new page, and its blocks. {@code where} is the section's YAML file; {@code template} the layout.
 */
public record LayoutSection(String id, String title, MasterSpec master, boolean newPage, List<Block> blocks,
        SourceLocation where, String template) {

    public LayoutSection {
        blocks = List.copyOf(blocks);
    }
}
