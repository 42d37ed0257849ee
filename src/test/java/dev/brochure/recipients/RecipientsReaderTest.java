package dev.brochure.recipients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipients files as staff export them: RFC 4180 CSV in all its forms, and YAML lists. */
class RecipientsReaderTest {

    @TempDir
    Path temp;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private Path csv(String text) throws IOException {
        return file("r.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(RecipientsFile.Row row) {
        return row.problems().stream().map(Diagnostic::format).reduce("", String::concat);
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndLinesAreCountedAcrossThem() throws IOException {
        RecipientsFile file = RecipientsReader.read(csv("""
                first_name,last_name,note\r
                Ada,"Lovelace, Countess","She said ""hello""\r
                and went on"\r
                Alan , Turing ,\r
                """));
        assertEquals(List.of("first_name", "last_name", "note"), file.fields());
        assertEquals(2, file.rows().size());
        RecipientsFile.Row ada = file.rows().get(0);
        assertEquals(2, ada.line());
        assertEquals(1, ada.number());
        assertEquals("Lovelace, Countess", ada.recipient().get("last_name"));
        assertEquals("She said \"hello\"\r\nand went on", ada.recipient().get("note"));
        RecipientsFile.Row alan = file.rows().get(1);
        assertEquals(4, alan.line(), "the record after a two-line field starts on line 4");
        assertEquals("Alan", alan.recipient().get("first_name"), "values lose the spaces around them");
        assertEquals("", alan.recipient().get("note"));
        assertTrue(!alan.recipient().has("note") && alan.recipient().has("last_name"));
        assertTrue(ada.readable() && alan.readable());
        assertEquals("r.csv", file.displayName().replaceFirst("^.*/", ""));
        assertEquals(4, alan.recipient().where().line());
    }

    @Test
    void aByteOrderMarkIsDroppedAndColumnNamesBecomeFieldNames() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("First Name,E-mail,Prénom\nAda,ada@example.org,Ada\n".getBytes(StandardCharsets.UTF_8));
        RecipientsFile file = RecipientsReader.read(file("bom.csv", bytes.toByteArray()));
        assertEquals(List.of("first_name", "e_mail", "prénom"), file.fields());
        assertEquals(Map.of("first_name", "Ada", "e_mail", "ada@example.org", "prénom", "Ada"),
                file.rows().getFirst().recipient().fields());
    }

    @Test
    void aRecordWithTooManyOrTooFewFieldsIsReportedAtItsLineAndTheOthersAreRead() throws IOException {
        RecipientsFile file = RecipientsReader.read(csv("""
                first_name,last_name
                Ada,Lovelace
                Lovelace, Ada,Byron

                Grace
                Alan,Turing
                """));
        assertEquals(4, file.rows().size(), "the empty line is no record");
        assertTrue(file.rows().get(0).readable());
        RecipientsFile.Row tooMany = file.rows().get(1);
        assertEquals(3, tooMany.line());
        assertTrue(message(tooMany).contains("r.csv:3: error: the record has 3 fields, the header 2"), message(tooMany));
        assertTrue(message(tooMany).contains("double quotes"));
        RecipientsFile.Row tooFew = file.rows().get(2);
        assertEquals(5, tooFew.line());
        assertTrue(message(tooFew).contains("the record has 1 field, the header 2"), message(tooFew));
        assertTrue(file.rows().get(3).readable());
    }

    @Test
    void bytesThatAreNotUtf8SpoilOnlyTheirRecordAndAreLocated() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("first_name,last_name\nAda,Lovelace\nJos".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 é: not UTF-8
        bytes.write(",Smith\nAlan,Turing\n".getBytes(StandardCharsets.UTF_8));
        RecipientsFile file = RecipientsReader.read(file("latin1.csv", bytes.toByteArray()));
        assertEquals(3, file.rows().size());
        assertTrue(file.rows().get(0).readable());
        RecipientsFile.Row bad = file.rows().get(1);
        assertEquals(3, bad.line());
        assertTrue(message(bad).contains("latin1.csv:3:4: error: the record is not valid UTF-8 text (byte 0xE9)"),
                message(bad));
        assertTrue(file.rows().get(2).readable());
    }

    @Test
    void aControlCharacterInAValueIsAProblemOfItsRecord() throws IOException {
        RecipientsFile file = RecipientsReader.read(csv("first_name,last_name\nAda,Love\u0007lace\n"));
        assertTrue(message(file.rows().getFirst()).contains("field 'last_name' holds the control character U+0007"));
    }

    @Test
    void problemsOfTheWholeFileStopTheReading() throws IOException {
        BrochureException unclosed = assertThrows(BrochureException.class, () -> RecipientsReader.read(csv(
                "first_name,note\nAda,fine\nAlan,\"never closed\nGrace,x\n")));
        assertTrue(unclosed.getMessage().contains("a quoted field is not closed"), unclosed.getMessage());

        BrochureException twice = assertThrows(BrochureException.class,
                () -> RecipientsReader.read(csv("First Name,first_name\nAda,Ada\n")));
        assertTrue(twice.getMessage().contains("columns 'First Name' and 'first_name' both give the field 'first_name'"),
                twice.getMessage());

        assertTrue(assertThrows(BrochureException.class, () -> RecipientsReader.read(csv(""))).getMessage()
                .contains("the recipients file is empty"));
        assertTrue(assertThrows(BrochureException.class, () -> RecipientsReader.read(temp.resolve("none.csv")))
                .getMessage().contains("recipients file not found"));
        assertTrue(assertThrows(BrochureException.class,
                () -> RecipientsReader.read(file("r.xlsx", new byte[] {1, 2}))).getMessage()
                .contains("must be .csv or .yaml"));
        assertTrue(assertThrows(BrochureException.class, () -> RecipientsReader.read(csv("a,,b\n1,2,3\n")))
                .getMessage().contains("column 2 of the header has no name"));
    }

    @Test
    void yamlRecordsGiveTheirFieldsAndLines() throws IOException {
        RecipientsFile file = RecipientsReader.read(file("r.yaml", """
                # staff list
                - first_name: Ada
                  Last Name: Lovelace
                  year: 1815
                - {first_name: Alan, note: "A note: with a colon"}
                - first_name: Grace
                  note:
                    - not a single value
                - just text
                """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("first_name", "last_name", "year", "note"), file.fields());
        assertEquals(4, file.rows().size());
        RecipientsFile.Row ada = file.rows().get(0);
        assertEquals(2, ada.line());
        assertEquals("1815", ada.recipient().get("year"), "values are text as written");
        assertEquals("Lovelace", ada.recipient().get("last_name"));
        assertEquals("A note: with a colon", file.rows().get(1).recipient().get("note"));
        assertEquals(5, file.rows().get(1).line());
        assertTrue(message(file.rows().get(2)).contains("r.yaml:8:5: error: field 'note' must be a single value"),
                message(file.rows().get(2)));
        assertTrue(message(file.rows().get(3)).contains("a record must be a mapping"));
    }

    @Test
    void aYamlFileThatIsNoListIsRefused() throws IOException {
        assertTrue(assertThrows(BrochureException.class, () -> RecipientsReader.read(file("r.yml",
                "first_name: Ada\n".getBytes(StandardCharsets.UTF_8)))).getMessage()
                .contains("the recipients file must be a list of records"));
        assertTrue(assertThrows(BrochureException.class, () -> RecipientsReader.read(file("r.yaml",
                "- a: [1\n".getBytes(StandardCharsets.UTF_8)))).getMessage().contains("YAML syntax error"));
    }
}
