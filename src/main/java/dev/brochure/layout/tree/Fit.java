package dev.brochure.layout.tree;

/** How an image fills its box: {@code COVER} crops to fill it, {@code CONTAIN} fits inside it. */
public enum Fit {
    COVER, CONTAIN
}
