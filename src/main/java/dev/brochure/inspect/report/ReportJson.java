package dev.brochure.inspect.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The inspect report as one JSON document, for CI. The shape is a contract, documented in the
 * README ("inspect --json"): it is written field by field here, never derived from the records'
 * names, so renaming Java code cannot change it. Any change of shape changes
 * {@link InspectReport#SCHEMA}. Lengths are points rounded to 0.01, ppi to 0.1; absent values
 * are {@code null}, never missing keys.
 */
public final class ReportJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ReportJson() {
    }

    public static void write(InspectReport report, Writer out) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            document(json, report);
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void document(JsonGenerator json, InspectReport r) throws IOException {
        json.writeStartObject();
        json.writeStringField("schema", InspectReport.SCHEMA);
        json.writeStringField("file", r.file());
        json.writeNumberField("bytes", r.bytes());
        json.writeStringField("pdfVersion", r.pdfVersion());
        json.writeBooleanField("encrypted", r.encrypted());
        metadata(json, r.metadata());
        json.writeArrayFieldStart("pages");
        for (PageInfo page : r.pages()) {
            page(json, page);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("fonts");
        for (FontInfo font : r.fonts()) {
            font(json, font);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("images");
        for (ImageInfo image : r.images()) {
            image(json, image);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("links");
        for (LinkInfo link : r.links()) {
            json.writeStartObject();
            json.writeNumberField("page", link.page());
            box(json, "rect", link.rect());
            target(json, link.target());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("outline");
        outline(json, r.outline());
        json.writeArrayFieldStart("glyphProblems");
        for (GlyphProblem problem : r.glyphProblems()) {
            glyphProblem(json, problem);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("textOutside");
        for (OffPageText off : r.textOutside()) {
            json.writeStartObject();
            json.writeNumberField("page", off.page());
            json.writeNumberField("glyphs", off.glyphs());
            json.writeStringField("text", off.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void metadata(JsonGenerator json, Metadata m) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeStringField("title", m.title());
        json.writeStringField("author", m.author());
        json.writeStringField("subject", m.subject());
        json.writeStringField("keywords", m.keywords());
        json.writeStringField("creator", m.creator());
        json.writeStringField("producer", m.producer());
        json.writeStringField("created", m.created());
        json.writeStringField("modified", m.modified());
        json.writeStringField("language", m.language());
        json.writeEndObject();
    }

    private static void page(JsonGenerator json, PageInfo page) throws IOException {
        json.writeStartObject();
        json.writeNumberField("number", page.number());
        json.writeNumberField("rotation", page.rotation());
        box(json, "mediaBox", page.mediaBox());
        box(json, "cropBox", page.cropBox());
        box(json, "trimBox", page.trimBox());
        box(json, "bleedBox", page.bleedBox());
        json.writeEndObject();
    }

    private static void font(JsonGenerator json, FontInfo font) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", font.name());
        json.writeStringField("type", font.type());
        json.writeBooleanField("embedded", font.embedded());
        json.writeBooleanField("subset", font.subset());
        integers(json, "pages", font.pages());
        json.writeEndObject();
    }

    private static void image(JsonGenerator json, ImageInfo image) throws IOException {
        json.writeStartObject();
        json.writeNumberField("page", image.page());
        json.writeStringField("name", image.name());
        json.writeStringField("object", image.object());
        json.writeNumberField("pixelWidth", image.pixelWidth());
        json.writeNumberField("pixelHeight", image.pixelHeight());
        box(json, "placed", image.placed());
        json.writeNumberField("ppi", round(image.ppi(), 1));
        json.writeStringField("colorSpace", image.colorSpace());
        json.writeNumberField("bitsPerComponent", image.bitsPerComponent());
        json.writeStringField("filter", image.filter());
        json.writeNumberField("bytes", image.bytes());
        json.writeEndObject();
    }

    private static void outline(JsonGenerator json, List<OutlineItem> items) throws IOException {
        json.writeStartArray();
        for (OutlineItem item : items) {
            json.writeStartObject();
            json.writeStringField("title", item.title());
            target(json, item.target());
            json.writeFieldName("children");
            outline(json, item.children());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void target(JsonGenerator json, Target target) throws IOException {
        json.writeObjectFieldStart("target");
        json.writeStringField("kind", target.kind());
        json.writeStringField("value", target.value());
        if (target.page() == null) {
            json.writeNullField("page");
        } else {
            json.writeNumberField("page", target.page());
        }
        json.writeStringField("problem", target.problem());
        json.writeEndObject();
    }

    private static void glyphProblem(JsonGenerator json, GlyphProblem p) throws IOException {
        json.writeStartObject();
        json.writeNumberField("page", p.page());
        json.writeStringField("font", p.font());
        json.writeNumberField("code", p.code());
        json.writeStringField("unicode", p.unicode());
        json.writeStringField("problem", p.problem());
        json.writeNumberField("count", p.count());
        json.writeEndObject();
    }

    private static void box(JsonGenerator json, String name, Box box) throws IOException {
        if (box == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        json.writeNumberField("x", round(box.x(), 2));
        json.writeNumberField("y", round(box.y(), 2));
        json.writeNumberField("width", round(box.width(), 2));
        json.writeNumberField("height", round(box.height(), 2));
        json.writeEndObject();
    }

    private static void integers(JsonGenerator json, String name, List<Integer> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (int v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }

    /** Decimal rounding, so that 595.2756 is written as 595.28 whatever the platform. */
    private static BigDecimal round(double value, int places) {
        if (!Double.isFinite(value)) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
