package dev.brochure.inspect.report;

/**
 * Where a link or an outline entry goes. {@code kind}: {@code uri} ({@code value} is the URI),
 * {@code named} (a named destination, {@code value} its name), {@code page} (an explicit
 * destination), {@code remote} (a page of another file, {@code value} the file), {@code none}
 * (no destination, for an outline entry that only groups others) or {@code action} (any other
 * action, {@code value} its type). {@code page} is the destination page (from 1) when it resolves
 * inside this document. {@code problem} says why the target is broken, and is null when it is not.
 */
public record Target(String kind, String value, Integer page, String problem) {

    public boolean broken() {
        return problem != null;
    }
}
