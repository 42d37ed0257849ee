package dev.brochure.mail;

/** Hears how a mail run goes, for the terminal. */
public interface MailListener {

    /** The copies are being built (or checked) by the batch. */
    default void building() {
    }

    /** One recipient is done: written, sent, skipped or failed; {@code what} says which, in a few words. */
    default void finished(int line, String address, String what) {
    }

    MailListener NONE = new MailListener() {
    };
}
