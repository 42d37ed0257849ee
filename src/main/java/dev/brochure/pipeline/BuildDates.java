package dev.brochure.pipeline;

import dev.brochure.vocab.DocumentInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.SourceLocation;
import java.util.Map;
import java.util.Optional;

/**
 * The date a PDF records as its creation date. Never the clock, so builds are reproducible:
 * {@code SOURCE_DATE_EPOCH} when set (the reproducible-builds convention), else the
 * {@code date:} of {@code brochure.yaml}, else a fixed date.
 */
public final class BuildDates {

    static final ZonedDateTime FIXED = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private BuildDates() {
    }

    /**
     * The last second a PDF date can record: its year has four digits (PDF 32000-1, 7.9.4), so
     * 9999-12-31T23:59:59Z; one second later OpenPDF writes a date no reader can read.
     */
    static final long LAST_EPOCH_SECOND = 253_402_300_799L;

    /**
     * A warning when {@code SOURCE_DATE_EPOCH} is set but is no count of seconds (it is then
     * ignored); an error when it is a count of seconds after the year 9999, which a PDF cannot
     * record (the build is refused rather than given another date than the one asked for).
     */
    public static Optional<Diagnostic> problem(Map<String, String> environment) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch == null) {
            return Optional.empty();
        }
        if (!epoch.matches("\\d{1,12}")) {
            return Optional.of(Diagnostic.warning(SourceLocation.of("SOURCE_DATE_EPOCH"),
                    "'" + epoch + "' is not a number of seconds since 1970; the date of brochure.yaml is used",
                    "set it to a whole number such as $(git log -1 --format=%ct), or unset it"));
        }
        if (Long.parseLong(epoch) > LAST_EPOCH_SECOND) {
            return Optional.of(Diagnostic.error(SourceLocation.of("SOURCE_DATE_EPOCH"),
                    "'" + epoch + "' is after the year 9999 (" + LAST_EPOCH_SECOND + "), which a PDF date cannot record",
                    "set it to a whole number such as $(git log -1 --format=%ct), or unset it"));
        }
        return Optional.empty();
    }

    public static ZonedDateTime of(DocumentInfo info, Map<String, String> environment) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d{1,12}") && Long.parseLong(epoch) <= LAST_EPOCH_SECOND) {
            return Instant.ofEpochSecond(Long.parseLong(epoch)).atZone(ZoneOffset.UTC);
        }
        LocalDate date = info.date();
        return date != null ? date.atStartOfDay(ZoneOffset.UTC) : FIXED;
    }
}
