package dev.brochure.inspect.verify;

/** One failed check: the rule and what exactly is wrong, in one line. */
public record Failure(Rule rule, String message) {

    /** The line verify prints: {@code file: rule: message}. */
    public String line(String file) {
        return file + ": " + rule.id() + ": " + message;
    }
}
