package dev.brochure.layout.tree;

/** Where content sits vertically in a box taller than it. */
public enum VAlign {
    TOP, MIDDLE, BOTTOM
}
