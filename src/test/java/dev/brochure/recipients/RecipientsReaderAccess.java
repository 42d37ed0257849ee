package dev.brochure.recipients;

/** Lets tests of other packages read CSV text with the recipients reader. */
public final class RecipientsReaderAccess {

    private RecipientsReaderAccess() {
    }

    public static RecipientsFile csv(String text) {
        return RecipientsReader.csv("recipients.csv", DecodedText.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
