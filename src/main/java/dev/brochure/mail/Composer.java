package dev.brochure.mail;

import dev.brochure.layout.MessageTemplate;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;

/**
 * Builds one recipient's message with Jakarta Mail: From, To, Subject, Date, Message-ID, the
 * plain-text body (and the HTML body as its alternative, when the template has one), and the
 * PDF as an attachment. The MIME boundaries are derived from the Message-ID instead of chance,
 * so the same message is the same bytes (a dry run can be compared with the one before it).
 */
final class Composer {

    private Composer() {
    }

    /** What one message consists of. */
    record Parts(InternetAddress from, InternetAddress to, MessageTemplate.Text text, byte[] pdf, String pdfName,
            String messageId, Date date) {
    }

    static MimeMessage compose(Session session, Parts parts) {
        try {
            MimeMessage message = new FixedIdMessage(session, parts.messageId());
            message.setFrom(parts.from());
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, parts.to());
            message.setSubject(parts.text().subject(), "UTF-8");
            message.setSentDate(parts.date());

            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(parts.text().plain(), "UTF-8");
            MimeBodyPart body = plain;
            if (parts.text().html() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setText(parts.text().html(), "UTF-8", "html");
                MimeMultipart alternative = new FixedMultipart("alternative", boundary(parts.messageId(), "alt"));
                alternative.addBodyPart(plain);
                alternative.addBodyPart(html);
                body = new MimeBodyPart();
                body.setContent(alternative);
            }
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(parts.pdf(), "application/pdf")));
            attachment.setFileName(parts.pdfName());
            attachment.setDisposition(Part.ATTACHMENT);

            MimeMultipart mixed = new FixedMultipart("mixed", boundary(parts.messageId(), "mixed"));
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose the message: " + e.getMessage(), e);
        }
    }

    /**
     * The Message-ID of a message: a digest of what identifies this sending of it (the address,
     * the PDF's SHA-256, the subject and bodies, and how many times it was sent before, so a
     * deliberate resend is a new message) at the sender's domain.
     */
    static String messageId(String address, String pdfSha256, MessageTemplate.Text text, int sentBefore,
            InternetAddress from) {
        String digest = hex(String.join("\u0000", address, pdfSha256, text.subject(), text.plain(),
                text.html() == null ? "" : text.html(), Integer.toString(sentBefore))).substring(0, 32);
        String at = from.getAddress();
        return "<" + digest + ".brochure@" + at.substring(at.lastIndexOf('@') + 1) + ">";
    }

    private static String boundary(String messageId, String level) {
        return "=_brochure_" + level + "_" + hex(messageId).substring(0, 24);
    }

    private static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message whose Message-ID is given, not made up when it is saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /** A multipart with a given boundary. */
    private static final class FixedMultipart extends MimeMultipart {
        FixedMultipart(String subtype, String boundary) {
            super(subtype);
            ContentType type = new ContentType("multipart", subtype, null);
            type.setParameter("boundary", boundary);
            contentType = type.toString();
        }
    }
}
