package dev.brochure.inspect.report;

import java.util.List;

/** A bookmark of the document outline, with the entries nested under it. */
public record OutlineItem(String title, Target target, List<OutlineItem> children) {

    public OutlineItem {
        children = List.copyOf(children);
    }
}
