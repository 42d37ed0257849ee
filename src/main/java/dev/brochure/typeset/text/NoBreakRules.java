package dev.brochure.typeset.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a line must not end although the text has a space (or a dash) there: what a careful
 * typesetter ties with TeX's {@code ~}. Each rule keeps together what is read as one unit:
 * <ul>
 * <li>a number and the word or unit after it: "by 1 June", "300 Scholars", "10 MB", "#1 lab" (not a
 * year: "in 2024 we" may break after the year);</li>
 * <li>a capitalised word and the number after it: "Top 300", "November 1", "Room 12";</li>
 * <li>a date's day and year after a month: "November 1, 2025";</li>
 * <li>groups of digits in a row, as in a phone number: "+45 7012 3456";</li>
 * <li>everything inside short parentheses (at most {@value #SHORT_PARENTHESES} characters):
 * "(Fall 2024 – Present)", spaces and dashes alike.</li>
 * </ul>
 * The result marks the positions of the characters (spaces, or dashes a line could end after)
 * where no line may end.
 */
public final class NoBreakRules {

    /** Parentheses holding at most this many characters are never broken inside. */
    static final int SHORT_PARENTHESES = 24;
    /** A number tied to the capitalised word before it has at most this many digits (a year, a rank). */
    private static final int SHORT_NUMBER = 4;

    private static final Pattern NUMBER = Pattern.compile("[(\\[#$€£+~−-]?\\d[\\d.,]*(?<![.,])[%‰]?");
    private static final Pattern DIGIT_GROUP = Pattern.compile("[+(]?\\d[\\d()\\-.]*\\d\\)?|[+(]?\\d\\)?");
    private static final Pattern DAY_COMMA = Pattern.compile("\\d{1,2}(st|nd|rd|th)?,");
    private static final Pattern YEAR_ALONE = Pattern.compile("1[5-9]\\d\\d|20\\d\\d");
    private static final Pattern YEAR = Pattern.compile("\\d{4}[.,;:)]?");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}'’]*");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");

    private NoBreakRules() {
    }

    private record Token(int start, int end, String text) {
    }

    /** Positions in {@code text} of spaces and dashes at which no line may end. */
    public static BitSet tied(String text) {
        BitSet tied = new BitSet(text.length());
        List<Token> tokens = tokens(text);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token a = tokens.get(i);
            Token b = tokens.get(i + 1);
            if (!onlySpaces(text, a.end(), b.start())) {
                continue; // a forced line break between them
            }
            if (tie(i > 0 ? tokens.get(i - 1) : null, a, b)) {
                tied.set(a.end(), b.start());
            }
        }
        shortParentheses(text, tied);
        return tied;
    }

    private static boolean tie(Token before, Token a, Token b) {
        String x = a.text();
        String y = b.text();
        boolean yStartsWord = Character.isLetter(y.codePointAt(0)) || "%‰°".indexOf(y.charAt(0)) >= 0;
        if (NUMBER.matcher(x).matches() && yStartsWord && !YEAR_ALONE.matcher(x).matches()) {
            return true; // 1 June, 300 Scholars, 10 MB (a year is not counted with the word after it)
        }
        String yNumber = stripTrailing(y);
        if (CAPITALISED.matcher(x).matches() && NUMBER.matcher(yNumber).matches()
                && digits(yNumber) <= SHORT_NUMBER) {
            return true; // Top 300, November 1, Room 12
        }
        if (before != null && MONTHS.contains(before.text().toLowerCase(Locale.ROOT)) && DAY_COMMA.matcher(x).matches()
                && YEAR.matcher(y).matches()) {
            return true; // November 1, 2025
        }
        return DIGIT_GROUP.matcher(x).matches() && DIGIT_GROUP.matcher(stripTrailing(y)).matches(); // +45 7012 3456
    }

    /** Marks every space and dash inside parentheses that hold at most {@link #SHORT_PARENTHESES} characters. */
    private static void shortParentheses(String text, BitSet tied) {
        for (int open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
            int close = -1;
            for (int i = open + 1; i < text.length() && i <= open + SHORT_PARENTHESES + 1; i++) {
                char c = text.charAt(i);
                if (c == '(' || c == '\n') {
                    break;
                }
                if (c == ')') {
                    close = i;
                    break;
                }
            }
            if (close < 0) {
                continue;
            }
            for (int i = open + 1; i < close; i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '-' || c == '\u2010' || c == '\u2013' || c == '\u2014' || c == '/') {
                    tied.set(i);
                }
            }
        }
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new Token(start, i, text.substring(start, i)));
            }
        }
        return out;
    }

    private static boolean onlySpaces(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u202F';
    }

    private static String stripTrailing(String word) {
        int end = word.length();
        while (end > 1 && ".,;:!?)]".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }

    private static int digits(String word) {
        return (int) word.chars().filter(Character::isDigit).count();
    }
}
