package dev.brochure.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.recipients.RecipientsFile;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copy file names: from the pattern and the record, safe on every file system. */
class CopyNamesTest {

    private static RecipientsFile.Row row(int number, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new RecipientsFile.Row(number, number + 1, new Recipient(fields, SourceLocation.of("r.csv")), List.of());
    }

    @Test
    void theDefaultPatternUsesTheIdAndNameFieldsTheFileHas() {
        assertEquals("{first_name}-{last_name}", CopyNames.defaultPattern(List.of("email", "first_name", "last_name")));
        assertEquals("{id}-{first_name}-{last_name}", CopyNames.defaultPattern(List.of("last_name", "id", "first_name")));
        assertEquals("{name}", CopyNames.defaultPattern(List.of("name", "email")));
        assertEquals("recipient-{record}", CopyNames.defaultPattern(List.of("email")));
        CopyNames names = CopyNames.of(CopyNames.defaultPattern(List.of("email")), List.of("email"));
        assertEquals("recipient-12.pdf", names.name(row(12, "email", "a@b.c")));
    }

    @Test
    void namesAreMadeOfTheRecordsFieldsAndKeepOnlySafeCharacters() {
        CopyNames names = CopyNames.of("{last_name}, {first_name}.pdf", List.of("first_name", "last_name"));
        assertEquals(List.of("last_name", "first_name"), names.keyFields());
        assertEquals("Lovelace-Ada.pdf", names.name(row(1, "first_name", "Ada", "last_name", "Lovelace")));
        assertEquals("Hopper-Grace-M.pdf", names.name(row(1, "first_name", "Grace M.", "last_name", "Hopper")));
        assertEquals("etc-passwd-Dupont-José.pdf", names.name(row(1, "first_name", "José",
                "last_name", "../../etc/passwd\\Dupont")), "no path separators, no way up, letters of any script kept");
        assertEquals("O-Brien-Zoë.pdf", names.name(row(1, "first_name", "Zoe\u0308", "last_name", "O'Brien")),
                "composed (NFC), so one name is one file on every system");
        assertEquals("a-b-c-d-e-f-g-h-i.pdf", names.name(row(1, "first_name", "f<g>h|i", "last_name", "a:b\"c?d*e")));
        assertEquals("", names.name(row(1, "first_name", " ", "last_name", "...")), "nothing safe is left: no name");
    }

    @Test
    void namesWindowsReservesAndOverlongNamesAreChanged() {
        assertEquals("_CON", CopyNames.safe("CON"));
        assertEquals("_nul.txt", CopyNames.safe("nul.txt"));
        assertEquals("_com1", CopyNames.safe("com1"));
        assertEquals("CONSTANCE", CopyNames.safe("CONSTANCE"));
        String cut = CopyNames.safe("é".repeat(150));
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 200, cut);
        assertEquals(100, cut.length(), "cut between characters, never inside one");
        assertEquals("hidden", CopyNames.safe(".hidden."), "no name starts or ends with a dot");
    }

    @Test
    void namesDifferingOnlyInCaseAreOneFileOnSomeSystems() {
        assertEquals(CopyNames.folded("Ada-Lovelace.pdf"), CopyNames.folded("ADA-lovelace.pdf"));
    }

    @Test
    void aPatternMustNameFieldsTheFileHas() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CopyNames.of("{frist_name}", List.of("first_name")))
                .getMessage().contains("names '{frist_name}', which is no field of the recipients file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CopyNames.of("brochure", List.of("first_name")))
                .getMessage().contains("names no field, so every copy would get the same name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CopyNames.of("{first_name", List.of("first_name")))
                .getMessage().contains("unmatched brace"));
        assertEquals("7-Ada.pdf", CopyNames.of("{record}-{first_name}", List.of("first_name"))
                .name(row(7, "first_name", "Ada")));
    }
}
