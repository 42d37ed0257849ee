package dev.brochure.mail;

/** Hears how a mail run goes, for the terminal. */
public interface MailListener {

    /** The copies are being built (or checked) by the batch. */
    default void building() {
    }

    /** One recipient is done: written, sent, skipped or failed; {@code what} says which, in a few words. */
    default void finished(int line, String address, String what) {
    }

    /** Hears nothing. */
    MailListener NONE = new Silent();

    /** The listener that hears nothing (a record, so the constant holds no state). */
    record Silent() implements MailListener {
    }
}
