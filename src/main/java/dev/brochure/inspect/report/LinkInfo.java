package dev.brochure.inspect.report;

/** A link annotation: the page it is on, its clickable rectangle, and where it goes. */
public record LinkInfo(int page, Box rect, Target target) {
}
