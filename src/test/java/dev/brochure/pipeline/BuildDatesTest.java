package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.brochure.vocab.DocumentInfo;
import dev.brochure.vocab.Paper;
import dev.brochure.vocab.SourceLocation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildDatesTest {

    private static DocumentInfo info(LocalDate date) {
        return new DocumentInfo("t", "", "", List.of(), "en", Paper.A4, date, SourceLocation.of("brochure.yaml"));
    }

    @Test
    void sourceDateEpochWins() {
        assertEquals(ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                BuildDates.of(info(LocalDate.of(2025, 9, 1)), Map.of("SOURCE_DATE_EPOCH", "1577836800")));
    }

    @Test
    void aSourceDateEpochThatIsNoNumberIsReportedAndIgnored() {
        assertEquals(java.util.Optional.empty(), BuildDates.problem(Map.of("SOURCE_DATE_EPOCH", "1577836800")));
        assertEquals(java.util.Optional.empty(), BuildDates.problem(Map.of()));
        var warning = BuildDates.problem(Map.of("SOURCE_DATE_EPOCH", "-5")).orElseThrow();
        org.junit.jupiter.api.Assertions.assertFalse(warning.isError());
        org.junit.jupiter.api.Assertions.assertTrue(warning.message().startsWith("'-5' is not a number of seconds"));
    }

    @Test
    void aSourceDateEpochAfterTheYear9999IsAnError() {
        assertEquals(java.util.Optional.empty(), BuildDates.problem(Map.of("SOURCE_DATE_EPOCH", "253402300799")));
        assertEquals(ZonedDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
                BuildDates.of(info(null), Map.of("SOURCE_DATE_EPOCH", "253402300799")));
        var error = BuildDates.problem(Map.of("SOURCE_DATE_EPOCH", "253402300800")).orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(error.isError());
        assertEquals("'253402300800' is after the year 9999 (253402300799), which a PDF date cannot record",
                error.message());
    }

    @Test
    void thenTheBrochureDateThenAFixedDate() {
        assertEquals(ZonedDateTime.of(2025, 9, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                BuildDates.of(info(LocalDate.of(2025, 9, 1)), Map.of()));
        assertEquals(BuildDates.FIXED, BuildDates.of(info(null), Map.of("SOURCE_DATE_EPOCH", "soon")));
    }
}
