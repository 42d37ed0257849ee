package dev.brochure.inspect.verify;

/**
 * One failed check: the rule and what exactly is wrong, in one line; {@code origin} is the
 * {@code file:line:column} of the content the failure is about (a missing text unit's YAML
 * place), or null when it is about the PDF as a whole.
 */
public record Failure(Rule rule, String message, String origin) {

    public Failure(Rule rule, String message) {
        this(rule, message, null);
    }

    /** The line verify prints: {@code file: rule: message}. */
    public String line(String file) {
        return file + ": " + rule.id() + ": " + message;
    }
}
