package dev.brochure.cli;

import java.util.Locale;

/** File sizes for people: 2.3 MB, 812 kB. */
final class Sizes {

    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
        }
        return bytes + " bytes";
    }
}
