package dev.brochure.inspect.report;

/**
 * One page: its number (from 1), rotation in degrees, and its boxes. The media box is always
 * there; the crop, trim and bleed boxes are null unless the page sets them itself (a viewer
 * would fall back to the media box, which says nothing about the print intent).
 */
public record PageInfo(int number, int rotation, Box mediaBox, Box cropBox, Box trimBox, Box bleedBox) {

    /** The finished size: the trim box when there is one, else the crop box, else the media box. */
    public Box finished() {
        return trimBox != null ? trimBox : cropBox != null ? cropBox : mediaBox;
    }
}
