package dev.brochure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.layout.MessageTemplate;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@code brochure mail} on their own: the SMTP URL, the password, the ledger, the throttle, the message. */
class MailPartsTest {

    @Test
    void theSmtpUrlChoosesTheProtectionAndNeverHoldsAPassword() {
        Password pw = Password.fromEnvironment("SMTP_PASSWORD", Map.of("SMTP_PASSWORD", "hunter2")::get);
        SmtpSettings starttls = SmtpSettings.parse("smtp://staff@mail.example.org", false, pw);
        assertEquals(SmtpSettings.Security.STARTTLS, starttls.security());
        assertEquals(587, starttls.port());
        assertEquals("staff", starttls.user());
        assertEquals("smtp://staff@mail.example.org:587 (STARTTLS)", starttls.toString());
        assertEquals(SmtpSettings.Security.IMPLICIT_TLS, SmtpSettings.parse("smtps://mail.example.org", false, null).security());
        assertEquals(465, SmtpSettings.parse("smtps://mail.example.org", false, null).port());
        assertEquals(SmtpSettings.Security.PLAIN, SmtpSettings.parse("smtp://localhost:2525", true, null).security());
        Properties props = SmtpSender.properties(starttls);
        assertEquals("true", props.get("mail.smtp.starttls.required"));
        assertEquals("60000", props.get("mail.smtp.timeout"));
        assertEquals("60000", props.get("mail.smtp.connectiontimeout"));
        assertEquals(new MailRequest.Retry(4, java.time.Duration.ofSeconds(2), 3), MailRequest.Retry.DEFAULT,
                "as the README says: 4 attempts, waiting 2, 4, 8 s; down after 3 recipients in a row");
        assertEquals("true", props.get("mail.smtp.ssl.checkserveridentity"));
        assertFalse(props.toString().contains("hunter2"));
        assertFalse(starttls.toString().contains("hunter2"));
        assertFalse(pw.toString().contains("hunter2"));
        assertEquals("hunter2", pw.reveal());

        BrochureException inUrl = assertThrows(BrochureException.class,
                () -> SmtpSettings.parse("smtp://staff:hunter2@mail.example.org", false, null));
        assertFalse(inUrl.diagnostics().getFirst().format().contains("hunter2"));
        assertThrows(BrochureException.class, () -> SmtpSettings.parse("smtps://mail.example.org", true, null));
        assertThrows(BrochureException.class, () -> SmtpSettings.parse("http://mail.example.org", false, null));
        assertEquals("the SMTP URL names the user staff but no password is given",
                assertThrows(BrochureException.class, () -> SmtpSettings.parse("smtp://staff@h.example.org", false, null))
                        .diagnostics().getFirst().message());
    }

    @Test
    void theEmailColumnMayBeNamedInSeveralWays() {
        for (String header : List.of("email", "E-mail", "Email Address", "mail")) {
            var file = dev.brochure.recipients.RecipientsReaderAccess.csv(header + ",name\nada@example.org,Ada\n");
            String field = Addresses.field(file);
            assertEquals("ada@example.org", file.rows().getFirst().recipient().get(field), header);
        }
    }

    @Test
    void thePasswordComesFromAVariableOrAFileAndItsAbsenceSaysWhere(@TempDir Path dir) throws Exception {
        assertEquals("the environment variable SMTP_PASSWORD is not set or empty",
                assertThrows(BrochureException.class, () -> Password.fromEnvironment("SMTP_PASSWORD", n -> null).reveal())
                        .diagnostics().getFirst().message());
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\nsecond line\n");
        assertEquals("s3cret", Password.fromFile(file).reveal());
        assertEquals("password file not found", assertThrows(BrochureException.class,
                () -> Password.fromFile(dir.resolve("none")).reveal()).diagnostics().getFirst().message());
    }

    @Test
    void theLedgerKeepsTheLastWordOfEachRecipientAndSkipsACutLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mail/ledger.jsonl");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        try (Ledger ledger = Ledger.open(file)) {
            ledger.append(new Ledger.Entry("Ada@Example.org", "Ada.pdf", 2, "<1@x>", "aa", t, Ledger.SENDING, null));
            ledger.append(new Ledger.Entry("ada@example.org", "Ada.pdf", 2, "<1@x>", "aa", t, Ledger.SENT, null));
            ledger.append(new Ledger.Entry("alan@example.org", "Alan.pdf", 3, "<2@x>", "bb", t, Ledger.SENDING, null));
        }
        // A kill in the middle of a line.
        Files.writeString(file, Files.readString(file) + "{\"recipient\":\"grace@example.org\",\"copy\":\"G",
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        try (Ledger ledger = Ledger.open(file)) {
            Ledger.Standing ada = ledger.standing(Ledger.key("ADA@example.org", "Ada.pdf"));
            assertEquals(Ledger.SENT, ada.last().status());
            assertEquals(1, ada.sent());
            assertEquals(1, ada.mayHaveReached());
            Ledger.Standing alan = ledger.standing(Ledger.key("alan@example.org", "Alan.pdf"));
            assertEquals(Ledger.SENDING, alan.last().status());
            assertEquals(1, alan.mayHaveReached(), "its transaction may have delivered it");
            assertNull(ledger.standing(Ledger.key("grace@example.org", "G.pdf")));
            ledger.append(new Ledger.Entry("grace@example.org", "G.pdf", 4, "<3@x>", "cc", t, Ledger.FAILED, "550 no"));
        }
        try (Ledger first = Ledger.open(file)) {
            assertEquals("another brochure mail is sending with this ledger", assertThrows(BrochureException.class,
                    () -> Ledger.open(file)).diagnostics().getFirst().message(), "one run at a time");
        }
        Ledger.open(file).close();
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size(), "the cut line is ended, the next entry is a line of its own");
        assertEquals(4, Ledger.read(file).size());
        assertEquals("{\"recipient\":\"grace@example.org\",\"copy\":\"G.pdf\",\"line\":4,\"message_id\":\"<3@x>\","
                + "\"sha256\":\"cc\",\"time\":\"2026-01-01T00:00:00Z\",\"status\":\"failed\",\"error\":\"550 no\"}",
                lines.getLast());
    }

    @Test
    void theThrottleSpacesMessagesByTheRate() throws Exception {
        long[] now = {0};
        List<Long> waits = new ArrayList<>();
        Throttle throttle = new Throttle(30, () -> now[0], nanos -> {
            waits.add(nanos);
            now[0] += nanos;
        });
        throttle.await();
        throttle.await();
        now[0] += 500_000_000L;
        throttle.await();
        now[0] += 5_000_000_000L;
        throttle.await();
        assertEquals(List.of(2_000_000_000L, 1_500_000_000L), waits, "30/min: two seconds apart, no wait after a pause");
        Throttle none = new Throttle(0, () -> now[0], nanos -> waits.add(nanos));
        none.await();
        none.await();
        assertEquals(2, waits.size());
    }

    @Test
    void aComposedMessageHasItsPartsAndNoInjectedHeader() throws Exception {
        MessageTemplate.Text text = new MessageTemplate.Text("Hello Ada Bcc: everyone@example.org", "Dear Ada,\n", null);
        InternetAddress from = new InternetAddress("Admissions <admissions@example.edu>");
        byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
        String id = Composer.messageId("ada@example.org", "aa", text, 0, from);
        assertTrue(id.matches("<[0-9a-f]{32}\\.brochure@example\\.edu>"), id);
        assertFalse(id.equals(Composer.messageId("ada@example.org", "aa", text, 1, from)), "a resend is a new message");
        MimeMessage m = Composer.compose(Session.getInstance(new Properties()), new Composer.Parts(from,
                new InternetAddress("ada@example.org"), text, pdf, "Ada.pdf", id, Date.from(Instant.EPOCH)));
        assertNull(m.getHeader("Bcc"));
        assertEquals(id, m.getMessageID());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(bytes);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Composer.compose(Session.getInstance(new Properties()), new Composer.Parts(from,
                new InternetAddress("ada@example.org"), text, pdf, "Ada.pdf", id, Date.from(Instant.EPOCH))).writeTo(again);
        assertEquals(bytes.toString(StandardCharsets.US_ASCII), again.toString(StandardCharsets.US_ASCII),
                "the same message, the same bytes");
        assertEquals("Ada.pdf", MailFixture.attachments(m).keySet().iterator().next());
        assertEquals("Dear Ada,\n", MailFixture.part(m, "text/plain").replace("\r\n", "\n"));
    }
}
