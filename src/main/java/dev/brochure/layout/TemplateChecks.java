package dev.brochure.layout;

import freemarker.core.ParseException;
import freemarker.core.TemplateElement;
import freemarker.core.TextBlock;
import freemarker.template.Template;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, when a template is loaded, what would let it read the clock or the machine it runs on,
 * so that the same content always gives the same PDF (the README promises that the clock is never
 * read). Freemarker has no setting for this, so every instruction of the parsed template is looked
 * at (through its public tree of {@link TemplateElement}s, whose descriptions hold the expressions
 * written in them):
 * <ul>
 *   <li>{@code .now}, the only special variable that reads the clock;</li>
 *   <li>{@code <#setting>} of {@code locale} or a time zone to anything but a fixed literal
 *       value: {@code "JVM default"} would read the machine's locale or time zone;</li>
 *   <li>{@code ?eval} and {@code ?interpret}: code built while the template runs could do both,
 *       and no check before the run can see it (they also turn content into template code).</li>
 * </ul>
 * The other special variables ({@code .vars}, {@code .data_model}, {@code .globals}, ...) see
 * only the data model and the template's own variables; the sandbox of {@link TemplateConfig}
 * keeps Java (and with it the environment) out of reach.
 */
final class TemplateChecks {

    /** A refused instruction: a parse error at the instruction, with its own message and hint. */
    static final class Refused extends ParseException {
        private final String hint;

        Refused(String message, String hint, TemplateElement at) {
            super(message, at);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    private static final Pattern NOW = Pattern.compile("(?<![\\w.$])\\.now\\b");
    private static final Pattern RUNTIME_CODE = Pattern.compile("\\?(eval|interpret)\\b");
    private static final Pattern SETTING = Pattern.compile("#setting\\s+(\\w+)\\s*=\\s*(.*)", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\$]*\"|'[^'\\\\$]*'");
    private static final Set<String> MACHINE_SETTINGS = Set.of("locale", "time_zone", "timeZone",
            "sql_date_and_time_time_zone", "sqlDateAndTimeTimeZone");

    private TemplateChecks() {
    }

    /** Throws {@link Refused} at the first instruction of {@code template} that breaks a rule. */
    static void check(Template template) throws Refused {
        check(template.getRootTreeNode());
    }

    private static void check(TemplateElement element) throws Refused {
        if (!(element instanceof TextBlock)) {
            String code = element.getDescription();
            if (NOW.matcher(code).find()) {
                throw new Refused(".now is not allowed: a layout cannot read the clock, so that every build of the"
                        + " same content gives the same PDF", "the brochure's date is 'date:' in brochure.yaml;"
                        + " a layout has no other", element);
            }
            Matcher runtime = RUNTIME_CODE.matcher(code);
            if (runtime.find()) {
                throw new Refused("?" + runtime.group(1) + " is not allowed: code made while the layout runs could"
                        + " read the clock or run content as template code", "write the template code in the layout"
                        + " itself", element);
            }
            Matcher setting = SETTING.matcher(code);
            if (setting.matches() && MACHINE_SETTINGS.contains(setting.group(1)) && !fixed(setting.group(2).strip())) {
                throw new Refused("#setting " + setting.group(1) + " must be a fixed value such as \"en_US\" or"
                        + " \"UTC\": the machine's own (\"JVM default\") or a computed one would make builds differ",
                        "write the value as a literal string", element);
            }
        }
        for (int i = 0; i < element.getChildCount(); i++) {
            check((TemplateElement) element.getChildAt(i));
        }
    }

    private static boolean fixed(String value) {
        return LITERAL.matcher(value).matches()
                && !value.substring(1, value.length() - 1).strip().toLowerCase(Locale.ROOT).equals("jvm default");
    }
}
