package dev.brochure.cli;

import java.util.Locale;

/** What {@code --format} asks for: text for people, JSON for scripts, SARIF for code scanning. */
enum Format {
    TEXT, JSON, SARIF;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
