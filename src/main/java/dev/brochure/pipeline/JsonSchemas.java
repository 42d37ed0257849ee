package dev.brochure.pipeline;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.ProjectCatalog;
import dev.brochure.content.schema.Field;
import dev.brochure.content.schema.FieldType;
import dev.brochure.content.theme.ThemeLoader;
import dev.brochure.vocab.Align;
import dev.brochure.vocab.FontFeatures;
import dev.brochure.vocab.Paper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON Schemas (draft-07, which editors' YAML support reads) of a content project's YAML files,
 * made from the same rules the content stage applies: {@code brochure.yaml} from its keys, each
 * section file from its layout's {@code .schema.yaml} (the project's and the built-in ones), and
 * theme files from the theme keys. A YAML scalar is text to the loader whatever it looks like, so
 * a text field also takes numbers and booleans; numbers and booleans may be written as text;
 * an optional field may be left empty ({@code null}), a required one may not.
 */
final class JsonSchemas {

    static final String DRAFT = "http://json-schema.org/draft-07/schema#";
    static final String BROCHURE = "brochure.schema.json";
    static final String SECTION = "section.schema.json";
    static final String THEME = "theme.schema.json";
    static final String LAYOUTS = "layouts";

    /** What {@code Double.parseDouble} reads, as the loader reads numbers written as text. */
    private static final String NUMBER = "^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[dDfF]?\\s*$";
    private static final String BOOLEAN = "^([Tt][Rr][Uu][Ee]|[Yy][Ee][Ss]|[Oo][Nn]|[Ff][Aa][Ll][Ss][Ee]|[Nn][Oo]|[Oo][Ff][Ff])$";
    private static final String LINK = "^\\s*(https?://\\S+|(mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})\\s*$";
    private static final String LENGTH = "^\\s*(-?\\d+(\\.\\d+)?|-?\\.\\d+)\\s*(pt|mm|cm|in)?\\s*$";
    private static final String HEX_COLOR = "^\\s*#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\s*$";
    private static final String LANGUAGE = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
    private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    private JsonSchemas() {
    }

    /** Every schema file of a project, by its path under the schema folder, in a fixed order. */
    static Map<String, Object> all(List<ProjectCatalog.Layout> layouts, Set<String> themes, Set<String> styles,
            Set<String> colors) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put(BROCHURE, brochure(themes));
        files.put(SECTION, anySection(layouts));
        files.put(THEME, theme(themes, styles, colors));
        for (ProjectCatalog.Layout layout : layouts) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("$schema", DRAFT);
            schema.putAll(section(layout));
            files.put(LAYOUTS + "/" + layout.name() + ".schema.json", schema);
        }
        return files;
    }

    // ---- brochure.yaml

    static Map<String, Object> brochure(Set<String> themes) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", described(scalar(true), "the brochure's title, recorded in the PDF"));
        p.put("author", described(scalar(true), "who publishes it, recorded in the PDF"));
        p.put("subject", described(scalar(true), "what it is about, recorded in the PDF"));
        Map<String, Object> keywords = described(types(true, "string", "number", "boolean", "array"),
                "search words: a list, or one line separated by commas");
        keywords.put("items", scalar(false));
        p.put("keywords", keywords);
        Map<String, Object> language = described(types(true, "string"), "BCP 47 language tag, such as en-US");
        language.put("pattern", LANGUAGE);
        p.put("language", language);
        List<Object> papers = new ArrayList<>(Paper.names());
        papers.add(null);
        Map<String, Object> paper = described(map("type", List.of("string", "null")), "trim size; the build's --paper overrides it");
        paper.put("anyOf", List.of(map("enum", papers), map("type", "string", "pattern", caseless(Paper.names()))));
        p.put("paper", paper);
        List<Object> themeNames = new ArrayList<>(themes);
        themeNames.add(null);
        p.put("theme", described(map("enum", themeNames), "a theme of the project's themes/ or a built-in one"));
        Map<String, Object> date = described(types(true, "string"), "the PDF's creation date, YYYY-MM-DD");
        date.put("pattern", DATE);
        p.put("date", date);
        Map<String, Object> sections = described(types(false, "array"), "the section files, in reading order");
        sections.put("minItems", 1);
        sections.put("items", map("type", "string"));
        p.put("sections", sections);
        check(p.keySet(), ContentLoader.BROCHURE_KEYS);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DRAFT);
        schema.put("title", "brochure.yaml");
        schema.put("description", "The brochure: metadata, theme and the list of section files.");
        schema.put("type", "object");
        schema.put("properties", p);
        schema.put("required", List.of("title", "sections"));
        schema.put("additionalProperties", false);
        return schema;
    }

    // ---- section files

    /** Any section file: {@code layout} names one of the layouts, whose schema then applies. */
    static Map<String, Object> anySection(List<ProjectCatalog.Layout> layouts) {
        Map<String, Object> definitions = new LinkedHashMap<>();
        List<Object> branches = new ArrayList<>();
        for (ProjectCatalog.Layout layout : layouts) {
            definitions.put(layout.name(), section(layout));
            branches.add(map("if", map("properties", map("layout", map("const", layout.name())), "required", List.of("layout")),
                    "then", map("$ref", "#/definitions/" + layout.name())));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DRAFT);
        schema.put("title", "brochure section");
        schema.put("description", "A section file: 'layout' names its layout; the other keys are that layout's fields.");
        schema.put("type", "object");
        schema.put("properties", map("layout", described(map("enum", layouts.stream().map(ProjectCatalog.Layout::name).toList()),
                "the layout that sets this section")));
        schema.put("required", List.of("layout"));
        schema.put("allOf", branches);
        schema.put("definitions", definitions);
        return schema;
    }

    /** The section files of one layout: the common keys and the layout's fields. */
    static Map<String, Object> section(ProjectCatalog.Layout layout) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("layout", described(map("const", layout.name()), "the layout that sets this section"));
        p.put("id", described(scalar(false), "the section's id for #id links; the file name unless given"));
        p.put("outline", described(scalar(false), "the bookmark and running-footer title; the title field unless given"));
        p.put("start", described(map("enum", ContentLoader.STARTS),
                "where the section begins: on a new page (page), or on the page the one before it ended on (continue)"));
        p.put("when", described(map("type", "string", "pattern", "^recipient\\.\\S+$"),
                "show the section only to readers whose record has this field (brochure batch), e.g. recipient.note;"
                        + " the brochure without recipients leaves it out"));
        check(p.keySet(), ContentLoader.SECTION_KEYS);
        List<String> required = new ArrayList<>(List.of("layout"));
        for (Field field : layout.schema().root().fields().values()) {
            p.put(field.name(), field(field, !field.required()));
            if (field.required()) {
                required.add(field.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", "brochure section: " + layout.name());
        schema.put("description", layout.schema().description());
        schema.put("type", "object");
        schema.put("properties", p);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * An image: its path, or {@code {src, alt}} / {@code {src, decorative: true}}. The path alone
     * is enough only where the layout describes the image by another field or it is decoration;
     * an informative image the content must describe needs the mapping.
     */
    private static Map<String, Object> image(Field field, boolean nullable) {
        Map<String, Object> src = described(types(false, "string"), "a JPEG or PNG file, such as images/photo.jpg");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("src", src);
        props.put("alt", described(types(false, "string"), "what the picture shows, for readers who cannot see it"));
        props.put("decorative", map("const", true));
        Map<String, Object> described = map("type", "object", "properties", props, "required", List.of("src"),
                "additionalProperties", false,
                "oneOf", List.of(map("required", List.of("alt")), map("required", List.of("decorative"))));
        List<Object> forms = new ArrayList<>();
        if (!field.informative() || field.altFrom() != null) {
            forms.add(map("type", "string"));
        }
        forms.add(described);
        if (nullable) {
            forms.add(map("type", "null"));
        }
        return map("anyOf", forms);
    }

    private static Map<String, Object> field(Field field, boolean nullable) {
        Map<String, Object> s = switch (field.type()) {
            case TEXT, PLAIN, ALT -> scalar(nullable);
            case NUMBER -> withPattern(types(nullable, "number", "string"), NUMBER);
            case BOOLEAN -> withPattern(types(nullable, "boolean", "string"), BOOLEAN);
            case IMAGE -> image(field, nullable);
            case LINK -> withPattern(types(nullable, "string"), LINK);
            case CHOICE -> map("enum", choices(field.values(), nullable));
            case LIST -> {
                Map<String, Object> list = types(nullable, "array");
                list.put("items", field(field.of(), false));
                if (field.min() > 0) {
                    list.put("minItems", field.min());
                }
                if (field.max() != Integer.MAX_VALUE) {
                    list.put("maxItems", field.max());
                }
                yield list;
            }
            case RECORD -> {
                Map<String, Object> record = types(nullable, "object");
                Map<String, Object> p = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                for (Field f : field.fields().values()) {
                    p.put(f.name(), field(f, !f.required()));
                    if (f.required()) {
                        required.add(f.name());
                    }
                }
                record.put("properties", p);
                if (!required.isEmpty()) {
                    record.put("required", required);
                }
                record.put("additionalProperties", false);
                yield record;
            }
        };
        String about = describe(field);
        return about.isEmpty() ? s : described(s, about);
    }

    private static String describe(Field field) {
        String kind = switch (field.type()) {
            case TEXT -> "text (**bold**, *italic*, [links](https://...))";
            case PLAIN -> "plain text, no markup";
            case ALT -> "a description of an image for readers who cannot see it (not printed)";
            case IMAGE -> "a JPEG or PNG file, such as images/photo.jpg";
            case LINK -> "a web or e-mail address";
            default -> "";
        };
        String text = field.description() == null ? "" : field.description();
        return kind.isEmpty() ? text : text.isEmpty() ? kind : text + " - " + kind;
    }

    /** A choice's words, and the number or boolean each also reads as in YAML (columns: 2). */
    private static List<Object> choices(List<String> values, boolean nullable) {
        List<Object> out = new ArrayList<>(values);
        for (String v : values) {
            if (v.matches("-?(0|[1-9]\\d*)")) {
                out.add(Long.parseLong(v));
            } else if (v.matches("-?\\d+\\.\\d+")) {
                out.add(Double.parseDouble(v));
            } else if (v.equals("true") || v.equals("false")) {
                out.add(Boolean.parseBoolean(v));
            }
        }
        if (nullable) {
            out.add(null);
        }
        return out;
    }

    // ---- themes

    /**
     * {@code styles}: the built-in theme's styles, whose names a style's size may give (size: body);
     * {@code colors}: the built-in colour names.
     */
    static Map<String, Object> theme(Set<String> themes, Set<String> styles, Set<String> colors) {
        Map<String, Object> color = described(types(false, "string"), "a colour: #RRGGBB, or a name from colors");
        Map<String, Object> length = withPattern(described(types(false, "number", "string"),
                "a length: a number with pt, mm, cm or in (a bare number is points)"), LENGTH);
        Map<String, Object> flag = withPattern(types(false, "boolean", "string"), BOOLEAN);
        Map<String, Object> name = types(false, "string");

        Map<String, Object> sides = new LinkedHashMap<>();
        for (String side : ThemeLoader.MARGIN_KEYS) {
            sides.put(side, length);
        }
        Map<String, Object> margins = map("anyOf", List.of(length,
                map("type", "object", "properties", sides, "required", ThemeLoader.MARGIN_KEYS, "additionalProperties", false)));
        described(margins, "one length for every side, or top, right, bottom and left");

        Map<String, Object> faces = new LinkedHashMap<>();
        Map<String, Object> families = described(map("anyOf", List.of(name, map("type", "array", "items", name))),
                "font families of fonts tried, in order, for a character a font lacks");
        for (String face : ThemeLoader.FACE_KEYS) {
            faces.put(face, face.equals("fallback") ? families
                    : described(types(false, "string"), "a TrueType or OpenType font file, such as fonts/Lato-Regular.ttf"));
        }
        Map<String, Object> family = map("type", "object", "properties", faces, "additionalProperties", false);

        Map<String, Object> style = new LinkedHashMap<>();
        style.put("parent", described(name, "the style this one starts from"));
        style.put("font", described(name, "a font family of fonts"));
        style.put("bold", flag);
        style.put("italic", flag);
        // A length, or the style (a step of the type scale) whose size and leading it takes: size: body
        style.put("size", described(map("anyOf", List.of(length, map("enum", List.copyOf(new TreeSet<>(styles))))),
                "a length, or the name of the style (a step of the type scale, such as body) whose size and leading"
                        + " it takes"));
        style.put("leading", length);
        style.put("color", color);
        style.put("align", map("enum", Align.words()));
        style.put("space-before", length);
        style.put("space-after", length);
        style.put("indent", length);
        style.put("tracking", withPattern(described(types(false, "number", "string"), "letter spacing in 1/1000 em"), NUMBER));
        style.put("uppercase", flag);
        style.put("keep-with-next", flag);
        style.put("hyphenate", flag);
        style.put("balance", flag);
        List<String> features = new ArrayList<>(FontFeatures.KNOWN);
        FontFeatures.KNOWN.forEach(f -> features.add("-" + f));
        style.put("features", described(map("type", "array", "items", map("enum", features)),
                "OpenType features on (lnum) or, with a minus, off (-liga)"));
        style.put("expansion", withPattern(described(types(false, "number", "string"),
                "how far glyphs may be scaled to justify a line, such as 2%"), "^\\s*(\\d+\\.?\\d*|\\.\\d+)\\s*%?\\s*$"));
        style.put("protrusion", flag);
        style.put("emergency-stretch", described(types(false, "number", "string"),
                "extra stretch for a last pass that prefers a slightly ragged line to a very loose one, such as 1em"));
        Map<String, Object> penalty = withPattern(types(false, "integer", "string"), "^\\s*[+-]?\\d+\\s*$");
        penalty.put("minimum", -10_000);
        penalty.put("maximum", 10_000);
        style.put("hyphen-penalty", described(penalty, "the cost of a hyphenated line, from -10000 to 10000"));
        Map<String, Object> consecutive = withPattern(types(false, "integer", "string"), "^\\s*\\d+\\s*$");
        consecutive.put("minimum", 1);
        consecutive.put("maximum", 10);
        style.put("consecutive-hyphens", described(consecutive, "at most this many hyphenated lines in a row"));
        style.put("measure", described(types(false, "string"), "the longest a line may be, in ems of the style's size"
                + " or as a length, such as 34em (about 75 characters); lines are as wide as their column without it"));
        check(style.keySet(), ThemeLoader.STYLE_KEYS);

        Map<String, Object> master = new LinkedHashMap<>();
        master.put("margins", margins);
        Map<String, Object> columns = withPattern(types(false, "integer", "string"), "^\\s*[1-6](\\.0*)?\\s*$");
        columns.put("minimum", 1);
        columns.put("maximum", 6);
        master.put("columns", columns);
        master.put("gutter", length);
        master.put("footer", flag);
        master.put("background", color);
        check(master.keySet(), ThemeLoader.MASTER_KEYS);

        Map<String, Object> footer = new LinkedHashMap<>();
        footer.put("style", described(name, "the style of the footer text"));
        footer.put("left", described(scalar(false), "text with {page}, {pages}, {section}, {title}"));
        footer.put("right", described(scalar(false), "text with {page}, {pages}, {section}, {title}"));
        footer.put("baseline", length);
        footer.put("rule", flag);
        check(footer.keySet(), ThemeLoader.FOOTER_KEYS);

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("extends", described(map("enum", List.copyOf(themes)), "the theme this one starts from"));
        // A colour is #RRGGBB or names another: one of the built-in theme's (a name the theme itself
        // adds cannot be known here, so the schema is stricter than the loader for that rare case).
        String named = colors.isEmpty() ? HEX_COLOR : HEX_COLOR.replace("^\\s*#", "^\\s*(" + String.join("|", colors)
                + ")\\s*$|^\\s*#");
        Map<String, Object> paletteColor = withPattern(described(types(false, "string"),
                "#RRGGBB, or the name of a built-in colour (" + String.join(", ", colors) + ")"), named);
        p.put("colors", described(map("type", "object", "additionalProperties", paletteColor), "named colours"));
        p.put("fonts", described(map("type", "object", "additionalProperties", family), "font families"));
        p.put("fallback", families);
        p.put("margins", margins);
        p.put("masters", described(map("type", "object", "additionalProperties",
                map("type", "object", "properties", master, "additionalProperties", false)), "page masters"));
        p.put("footer", described(map("type", "object", "properties", footer, "additionalProperties", false),
                "the running footer"));
        p.put("styles", described(map("type", "object", "additionalProperties",
                map("type", "object", "properties", style, "additionalProperties", false)), "paragraph styles"));
        check(p.keySet(), ThemeLoader.TOP_KEYS);

        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DRAFT);
        schema.put("title", "brochure theme");
        schema.put("description", "A theme: palette, font families, margins, page masters, footer and paragraph styles.");
        schema.put("type", "object");
        schema.put("properties", p);
        schema.put("additionalProperties", false);
        return schema;
    }

    // ---- helpers

    /** Any YAML scalar: the loader reads it as text. */
    private static Map<String, Object> scalar(boolean nullable) {
        return types(nullable, "string", "number", "boolean");
    }

    private static Map<String, Object> types(boolean nullable, String... types) {
        List<String> all = new ArrayList<>(List.of(types));
        if (nullable) {
            all.add("null");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", all.size() == 1 ? all.get(0) : all);
        return s;
    }

    private static Map<String, Object> withPattern(Map<String, Object> schema, String pattern) {
        Map<String, Object> s = new LinkedHashMap<>(schema);
        s.put("pattern", pattern);
        return s;
    }

    private static Map<String, Object> described(Map<String, Object> schema, String description) {
        if (description != null && !description.isBlank()) {
            schema.put("description", description);
        }
        return schema;
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A pattern matching the words in any letter case, as the loader reads paper sizes. */
    private static String caseless(List<String> words) {
        List<String> alternatives = new ArrayList<>();
        for (String word : words) {
            StringBuilder b = new StringBuilder();
            for (char c : word.toCharArray()) {
                b.append(Character.isLetter(c) ? "[" + Character.toUpperCase(c) + Character.toLowerCase(c) + "]" : String.valueOf(c));
            }
            alternatives.add(b.toString());
        }
        return "^(" + String.join("|", alternatives) + ")$";
    }

    /** The schema lists exactly the keys the loader accepts; a new key must be described here too. */
    private static void check(Set<String> described, List<String> accepted) {
        if (!described.equals(Set.copyOf(accepted))) {
            throw new IllegalStateException("JSON Schema keys " + described + " differ from the loader's " + accepted);
        }
    }
}
