package dev.brochure.typeset.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import dev.brochure.world.Workspace;

/**
 * Liang's hyphenation algorithm ("Word Hy-phen-a-tion by Com-put-er", 1983), as TeX does it:
 * every pattern found in the word (with its ends marked by dots) votes at each gap between two
 * letters with a digit; an odd maximum allows a hyphen there. Listed exceptions win over the
 * patterns, and no hyphen leaves fewer than {@code leftMin} letters before it or
 * {@code rightMin} after it. Pattern files are the standard TeX ones, shipped in
 * {@code resources/hyphenation/} with their licences. Thread-safe; loaded once per language and
 * workspace.
 */
public final class Hyphenator {

    /** Typesetting's slot in the workspace: the patterns loaded so far, by file. */
    private static final class Loaded {
        private final Map<String, Hyphenator> byFile = new ConcurrentHashMap<>();
    }

    private final Map<String, int[]> patterns;
    private final Map<String, int[]> exceptions;
    private final int leftMin;
    private final int rightMin;
    private final int longestPattern;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    Hyphenator(Map<String, int[]> patterns, Map<String, int[]> exceptions, int leftMin, int rightMin) {
        this.patterns = Map.copyOf(patterns);
        this.exceptions = Map.copyOf(exceptions);
        this.leftMin = leftMin;
        this.rightMin = rightMin;
        this.longestPattern = patterns.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * The hyphenator for a BCP 47 language tag, if patterns for it are shipped: {@code en-US}
     * (and plain {@code en}) and {@code en-GB}. The patterns are read once per workspace.
     */
    public static Optional<Hyphenator> forLanguage(String tag, Workspace workspace) {
        return patternFile(tag).map(file -> workspace.slot(Loaded.class, Loaded::new).byFile
                .computeIfAbsent(file, Hyphenator::load));
    }

    /** As {@link #forLanguage(String, Workspace)}, reading the patterns afresh. */
    public static Optional<Hyphenator> forLanguage(String tag) {
        return patternFile(tag).map(Hyphenator::load);
    }

    private static Optional<String> patternFile(String tag) {
        String key = tag == null ? "" : tag.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (key) {
            case "en", "en-us" -> "hyph-en-us.tex";
            case "en-gb" -> "hyph-en-gb.tex";
            default -> null;
        });
    }

    /** Both English files ask for at least 2 letters before a hyphen and 3 after it. */
    private static Hyphenator load(String file) {
        return load(file, 2, 3);
    }

    private static Hyphenator load(String file, int leftMin, int rightMin) {
        try (InputStream in = Hyphenator.class.getResourceAsStream("/hyphenation/" + file)) {
            if (in == null) {
                throw new IllegalStateException("hyphenation patterns missing from the build: " + file);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), leftMin, rightMin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a TeX pattern file: {@code \patterns{...}} and {@code \hyphenation{...}}, {@code %} comments. */
    static Hyphenator parse(String tex, int leftMin, int rightMin) {
        Map<String, int[]> patterns = new HashMap<>();
        Map<String, int[]> exceptions = new HashMap<>();
        Map<String, int[]> target = null;
        for (String raw : tex.split("\\R")) {
            int comment = raw.indexOf('%');
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            for (String token : line.split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if (token.startsWith("\\patterns{")) {
                    target = patterns;
                    token = token.substring("\\patterns{".length());
                } else if (token.startsWith("\\hyphenation{")) {
                    target = exceptions;
                    token = token.substring("\\hyphenation{".length());
                }
                boolean closes = token.endsWith("}");
                if (closes) {
                    token = token.substring(0, token.length() - 1);
                }
                if (!token.isEmpty() && target == patterns) {
                    addPattern(patterns, token);
                } else if (!token.isEmpty() && target == exceptions) {
                    addException(exceptions, token);
                }
                if (closes) {
                    target = null;
                }
            }
        }
        return new Hyphenator(patterns, exceptions, leftMin, rightMin);
    }

    /** "a1b2c" becomes letters "abc" with values [0,1,2,0] at the gaps before, between and after. */
    private static void addPattern(Map<String, int[]> patterns, String pattern) {
        StringBuilder letters = new StringBuilder();
        List<Integer> values = new ArrayList<>();
        values.add(0);
        for (char c : pattern.toCharArray()) {
            if (Character.isDigit(c)) {
                values.set(values.size() - 1, c - '0');
            } else {
                letters.append(c);
                values.add(0);
            }
        }
        patterns.put(letters.toString(), values.stream().mapToInt(Integer::intValue).toArray());
    }

    /** "as-so-ciate" becomes "associate" with hyphens allowed at 2 and 4. */
    private static void addException(Map<String, int[]> exceptions, String word) {
        StringBuilder letters = new StringBuilder();
        List<Integer> points = new ArrayList<>();
        for (char c : word.toCharArray()) {
            if (c == '-') {
                points.add(letters.length());
            } else {
                letters.append(c);
            }
        }
        exceptions.put(letters.toString(), points.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Where {@code word} (letters only) may be hyphenated: the indexes {@code i} such that a hyphen
     * may go between {@code word[i-1]} and {@code word[i]}, in increasing order.
     */
    public int[] points(String word) {
        if (word.length() < leftMin + rightMin) {
            return new int[0];
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return cache.computeIfAbsent(lower, this::compute).clone();
    }

    private int[] compute(String word) {
        int[] known = exceptions.get(word);
        if (known != null) {
            return java.util.Arrays.stream(known).filter(i -> allowed(i, word.length())).toArray();
        }
        String dotted = "." + word + ".";
        int[] votes = new int[dotted.length() + 1];
        for (int start = 0; start < dotted.length(); start++) {
            int end = Math.min(dotted.length(), start + longestPattern);
            for (int stop = start + 1; stop <= end; stop++) {
                int[] values = patterns.get(dotted.substring(start, stop));
                if (values != null) {
                    for (int k = 0; k < values.length; k++) {
                        votes[start + k] = Math.max(votes[start + k], values[k]);
                    }
                }
            }
        }
        // votes[j] is the gap before dotted[j]; the gap before word[i] is before dotted[i + 1].
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < word.length(); i++) {
            if (votes[i + 1] % 2 == 1 && allowed(i, word.length())) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean allowed(int point, int length) {
        return point >= leftMin && length - point >= rightMin;
    }

    /** The word with a hyphen at every allowed point, for tests and diagnostics: "hy-phen-ation". */
    public String hyphenate(String word) {
        StringBuilder out = new StringBuilder(word);
        int[] points = points(word);
        for (int i = points.length - 1; i >= 0; i--) {
            out.insert(points[i], '-');
        }
        return out.toString();
    }
}
