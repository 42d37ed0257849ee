package dev.brochure.pipeline;

import dev.brochure.content.model.DocumentInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The date a PDF records as its creation date. Never the clock, so builds are reproducible:
 * {@code SOURCE_DATE_EPOCH} when set (the reproducible-builds convention), else the
 * {@code date:} of {@code brochure.yaml}, else a fixed date.
 */
public final class BuildDates {

    static final ZonedDateTime FIXED = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private BuildDates() {
    }

    public static ZonedDateTime of(DocumentInfo info, Map<String, String> environment) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch)).atZone(ZoneOffset.UTC);
        }
        LocalDate date = info.date();
        return date != null ? date.atStartOfDay(ZoneOffset.UTC) : FIXED;
    }
}
