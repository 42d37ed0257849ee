package dev.brochure.mail;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.recipients.RecipientsFile;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The e-mail column of a recipients file and the checks of each record's address. */
public final class Addresses {

    /** The field names taken as the e-mail column, in this order ({@code E-mail} is {@code e_mail}). */
    public static final List<String> FIELDS = List.of("email", "e_mail", "email_address", "e_mail_address", "mail");

    /** A domain of at least two labels of letters, digits and hyphens. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+"
            + "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

    private Addresses() {
    }

    /** The e-mail field of {@code file}; a file without one is an error of the whole file. */
    public static String field(RecipientsFile file) {
        return FIELDS.stream().filter(file::hasField).findFirst().orElseThrow(() -> BrochureException.of(
                SourceLocation.of(file.displayName()), "the recipients file has no e-mail column",
                "add a column 'email' (its fields: " + String.join(", ", file.fields()) + ")"));
    }

    /**
     * The record's address, or the problem with it at the record's line: missing, more than one,
     * or not an address (RFC 822 syntax, checked strictly, and a domain with a dot).
     */
    public static Checked check(Recipient recipient, String field) {
        String value = recipient.get(field).strip();
        SourceLocation where = recipient.where();
        if (value.isEmpty()) {
            return Checked.problem(Diagnostic.error(where, "the record has no e-mail address (field '" + field + "')",
                    "give every recipient an address, or remove the record"));
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(value, true);
            if (parsed.length != 1) {
                return Checked.problem(Diagnostic.error(where, "the field '" + field + "' holds " + parsed.length
                        + " addresses", "give one address per record; a second recipient is a record of its own"));
            }
            InternetAddress address = parsed[0];
            address.validate();
            String at = address.getAddress();
            int sign = at.lastIndexOf('@');
            if (sign <= 0 || !DOMAIN.matcher(at.substring(sign + 1)).matches()) {
                return Checked.problem(malformed(where, value, "it needs a domain such as example.org after the @"));
            }
            return new Checked(Optional.of(address), null);
        } catch (AddressException e) {
            return Checked.problem(malformed(where, value, "write it as name@example.org"));
        }
    }

    private static Diagnostic malformed(SourceLocation where, String value, String hint) {
        return Diagnostic.error(where, "'" + value + "' is not an e-mail address", hint);
    }

    /** A record's address, or what is wrong with it. */
    public record Checked(Optional<InternetAddress> address, Diagnostic problem) {
        static Checked problem(Diagnostic d) {
            return new Checked(Optional.empty(), d);
        }
    }
}
