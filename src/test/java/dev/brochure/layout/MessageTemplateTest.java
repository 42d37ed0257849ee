package dev.brochure.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e-mail message template: its three parts, escaping of the recipient's fields, its sandbox and its errors. */
class MessageTemplateTest {

    private static final String MESSAGE = """
            Subject: Your brochure, ${recipient.first_name}

            Dear ${recipient.first_name},
            your programme: ${recipient.programme!"all of them"}.

            --- html ---
            <p>Dear ${recipient.first_name},</p>
            """;

    private static Recipient recipient(Map<String, String> fields) {
        return new Recipient(fields, new SourceLocation("recipients.csv", 7, 0));
    }

    private static MessageTemplate template(String source) {
        return MessageTemplate.of("message.ftl", source, TemplateRunner.Limits.DEFAULT);
    }

    private static Diagnostic error(Runnable run) {
        return assertThrows(BrochureException.class, run::run).diagnostics().getFirst();
    }

    @Test
    void theThreePartsAreRenderedForTheRecipient() {
        MessageTemplate.Text text = template(MESSAGE).render(recipient(Map.of("first_name", "Ada", "programme", "PhD")));
        assertEquals("Your brochure, Ada", text.subject());
        assertEquals("Dear Ada,\nyour programme: PhD.\n", text.plain(), "blank lines at either end are dropped");
        assertEquals("<p>Dear Ada,</p>\n", text.html());
        assertTrue(template(MESSAGE).hasHtml());
    }

    @Test
    void withoutTheMarkerThereIsNoHtmlBody() {
        MessageTemplate plain = template("Subject: Hello\nDear ${recipient.first_name},\n");
        assertNull(plain.render(recipient(Map.of("first_name", "Ada"))).html());
        assertEquals("Dear Ada,\n", plain.render(recipient(Map.of("first_name", "Ada"))).plain());
    }

    @Test
    void fieldsAreEscapedInTheHtmlBodyAndKeptAsTheyAreInThePlainText() {
        String evil = "<script>alert('x')</script> & \"Co\"";
        MessageTemplate.Text text = template(MESSAGE).render(recipient(Map.of("first_name", evil)));
        assertEquals("<p>Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;,</p>\n", text.html());
        assertTrue(text.plain().startsWith("Dear " + evil + ","));
    }

    @Test
    void aLineBreakInAFieldCannotAddAHeaderToTheSubject() {
        MessageTemplate.Text text = template(MESSAGE).render(recipient(Map.of("first_name",
                "Ada\r\nBcc: everyone@example.org\n")));
        assertEquals("Your brochure, Ada Bcc: everyone@example.org", text.subject());
        assertTrue(text.subject().chars().noneMatch(c -> c == '\r' || c == '\n'));
    }

    @Test
    void aFieldThatLooksLikeTheMarkerStaysInItsPart() {
        MessageTemplate.Text text = template(MESSAGE).render(recipient(Map.of("first_name", "x\n--- html ---\n<b>")));
        assertTrue(text.plain().contains("--- html ---\n<b>,"), text.plain());
        assertEquals("<p>Dear x\n--- html ---\n&lt;b&gt;,</p>\n", text.html());
    }

    @Test
    void aFieldTheRecordLeavesEmptyIsAnErrorAtItsPlaceNamingTheRecord() {
        Diagnostic d = error(() -> template(MESSAGE).render(recipient(Map.of("first_name", "", "programme", "PhD"))));
        assertEquals(new SourceLocation("message.ftl", 1, 27), d.where(), "at recipient.first_name");
        assertTrue(d.message().startsWith("the message failed for the record at recipients.csv:7"), d.message());
        assertTrue(d.hint().contains("recipient.first_name"), d.hint());
        Diagnostic inBody = error(() -> template("Subject: Hi\n\nDear ${recipient.first_name},\n")
                .render(recipient(Map.of())));
        assertEquals(3, inBody.where().line(), "located at its line in the file: " + inBody.where());
    }

    @Test
    void syntaxErrorsAreLocatedInTheFile() {
        Diagnostic d = error(() -> template("Subject: Hi\n\nDear,\n<#if recipient.x>\n--- html ---\n<p>${</p>\n"));
        assertTrue(d.message().startsWith("message template syntax error"), d.message());
        assertTrue(d.where().line() >= 4, d.where().toString());
        BrochureException both = assertThrows(BrochureException.class,
                () -> template("Subject: ${\n\nbody\n--- html ---\n<p>${</p>\n"));
        assertEquals(2, both.diagnostics().size(), "every part's error at once");
        assertEquals(1, both.diagnostics().get(0).where().line());
        assertEquals(5, both.diagnostics().get(1).where().line());
    }

    @Test
    void aMessageWithoutSubjectOrBodyIsRefused() {
        assertEquals("the message must begin with a line 'Subject: ...'", error(() -> template("Dear Ada\n")).message());
        assertEquals("the message has no plain-text body", error(() -> template("Subject: Hi\n\n--- html ---\n<p/>")).message());
    }

    @Test
    void theSandboxOfLayoutsHoldsForMessages() {
        Diagnostic created = error(() -> template("Subject: x\n${\"freemarker.template.utility.Execute\"?new()(\"id\")}\n")
                .render(recipient(Map.of())));
        assertTrue(created.message().contains("the message failed"), created.message());
        Diagnostic included = error(() -> template("Subject: x\n<#include \"/etc/passwd\">\n").render(recipient(Map.of())));
        assertTrue(included.message().contains("the message failed"), included.message());
    }

    @Test
    void theExampleMessageRendersForEveryExampleRecipient() {
        Path repo = Path.of("").toAbsolutePath();
        MessageTemplate example = MessageTemplate.load(repo.resolve("brochure-content/message.example.ftl"));
        var recipients = dev.brochure.recipients.RecipientsReader.read(repo.resolve("brochure-content/recipients.example.csv"));
        assertEquals(4, recipients.rows().size());
        for (var row : recipients.rows()) {
            MessageTemplate.Text text = example.render(row.recipient());
            assertEquals("Your invitation to the OPTML Group, " + row.recipient().get("first_name"), text.subject());
            assertTrue(text.plain().startsWith("Dear " + row.recipient().get("first_name") + " "
                    + row.recipient().get("last_name") + ",\n"), text.plain());
            assertTrue(text.plain().contains(row.recipient().get("deadline")));
            assertTrue(text.html().contains("<p>" + row.recipient().get("advisor") + " will be glad"), text.html());
        }
    }

    @Test
    void loadReadsAFileAndReportsAMissingOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("message.ftl"), MESSAGE);
        assertEquals("Your brochure, Ada", MessageTemplate.load(file).render(recipient(Map.of("first_name", "Ada"))).subject());
        assertEquals("message file not found", error(() -> MessageTemplate.load(dir.resolve("none.ftl"))).message());
        Files.write(dir.resolve("latin1.ftl"), new byte[] {'S', 'u', 'b', 'j', 'e', 'c', 't', ':', ' ', (byte) 0xE9});
        assertEquals("the message file is not UTF-8 text", error(() -> MessageTemplate.load(dir.resolve("latin1.ftl"))).message());
    }
}
