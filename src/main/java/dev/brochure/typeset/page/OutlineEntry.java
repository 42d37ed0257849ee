package dev.brochure.typeset.page;

import java.util.List;

/** A bookmark: a title pointing at a place, with its nested bookmarks. Pages count from 0. */
public record OutlineEntry(String title, int pageIndex, double y, List<OutlineEntry> children) {

    public OutlineEntry {
        children = List.copyOf(children);
    }
}
