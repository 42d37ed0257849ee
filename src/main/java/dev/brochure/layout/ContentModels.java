package dev.brochure.layout;

import dev.brochure.vocab.DocumentInfo;
import dev.brochure.vocab.Recipient;
import dev.brochure.content.model.RichText;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import freemarker.core.TemplateXMLOutputModel;
import freemarker.core.XMLOutputFormat;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.utility.NullArgumentException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a layout template sees: the section's fields and the brochure's settings, wrapped as
 * read-only template models. Nothing else of Java is reachable from a template.
 *
 * <p>Text fields become XML markup (their bold, italic and links as layout elements), preceded
 * by a {@code <?src N?>} mark naming the value in the run's {@link SourceTable}, so later stages
 * can name the YAML line a block came from. Plain and alt fields, choices, image and link
 * references become ordinary strings, which Freemarker escapes; the table notes where plain and
 * alt fields, images and links are written. {@code plain(x)} gives a text field's words without
 * formatting, for attributes.
 */
final class ContentModels {

    private final Map<TemplateModel, Value.Text> textOfMarkup = new IdentityHashMap<>();
    private final SourceTable sources;
    private final Recipient recipient;
    /** Whether the template looked at the reader's fields at all: if not, its output is the same for every reader. */
    private volatile boolean readRecipient;

    ContentModels(SourceTable sources) {
        this(sources, Recipient.NONE);
    }

    ContentModels(SourceTable sources, Recipient recipient) {
        this.sources = sources;
        this.recipient = recipient;
    }

    boolean readRecipient() {
        return readRecipient;
    }

    /** The root data model for one run of a section's template. */
    Map<String, TemplateModel> root(Section section, DocumentInfo info) {
        Map<String, TemplateModel> root = new LinkedHashMap<>();
        root.put("section", new FieldsModel(section.fields(), this));
        root.put("recipient", new RecipientModel());
        root.put("sectionId", new SimpleScalar(section.id()));
        root.put("sectionTitle", new SimpleScalar(section.title()));
        root.put("brochure", brochure(info));
        root.put("plain", (TemplateMethodModelEx) this::plain);
        return root;
    }

    private TemplateModel brochure(DocumentInfo info) {
        Map<String, TemplateModel> b = new LinkedHashMap<>();
        b.put("title", new SimpleScalar(info.title()));
        b.put("author", new SimpleScalar(info.author()));
        b.put("subject", new SimpleScalar(info.subject()));
        b.put("language", new SimpleScalar(info.language()));
        b.put("paper", new SimpleScalar(info.paper().name()));
        return new MapModel(b);
    }

    TemplateModel wrap(Value value) throws TemplateModelException {
        return switch (value) {
            case null -> null;
            case Value.Text t -> markup(t);
            case Value.Plain p -> new Tracked(p.text(), p);
            case Value.Alt a -> new Tracked(a.text(), a);
            case Value.Choice c -> new SimpleScalar(c.word());
            case Value.Num n -> new SimpleNumber(n.value() == Math.rint(n.value()) ? (Number) (long) n.value() : n.value());
            case Value.Bool b -> b.value() ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
            case Value.Image i -> new Tracked(i.image().ref(), i);
            case Value.Link l -> new Tracked(l.url(), l);
            case Value.Items items -> new ItemsModel(items.items(), this);
            case Value.Fields f -> new FieldsModel(f, this);
            // Content that names recipient fields reaches layouts only personalised; unpersonalised it is absent.
            case Value.Personal p -> null;
        };
    }

    private TemplateModel markup(Value.Text text) throws TemplateModelException {
        String xml = sources.mark(text) + RichTextMarkup.toXml(text.text());
        TemplateXMLOutputModel model = XMLOutputFormat.INSTANCE.fromMarkup(xml);
        textOfMarkup.put(model, text);
        return model;
    }

    /** A string of the content: an ordinary string to the template, whose writing the table notes. */
    private final class Tracked implements TemplateScalarModel {
        private final String text;
        private final Value value;

        Tracked(String text, Value value) {
            this.text = text;
            this.value = value;
        }

        @Override
        public String getAsString() {
            sources.read(value, text);
            return text;
        }
    }

    /** {@code plain(x)}: the words of a text field, or a string as it is. */
    private Object plain(List<?> args) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException("plain() takes one argument");
        }
        Object arg = args.get(0);
        if (arg == null) {
            throw new NullArgumentException("plain() got a missing value; guard it with ?? or !");
        }
        Value.Text known = textOfMarkup.get(arg);
        if (known != null) {
            return new Tracked(known.text().plainText(), known);
        }
        if (arg instanceof freemarker.template.TemplateScalarModel s) {
            return new SimpleScalar(s.getAsString());
        }
        throw new TemplateModelException("plain() needs a text value");
    }

    /** Rich text to the layout vocabulary's inline elements. */
    static final class RichTextMarkup {
        private RichTextMarkup() {
        }

        static String toXml(RichText text) {
            StringBuilder out = new StringBuilder();
            for (RichText.Span span : text.spans()) {
                StringBuilder open = new StringBuilder();
                StringBuilder close = new StringBuilder();
                if (span.href() != null) {
                    open.append("<a href=\"").append(XMLOutputFormat.INSTANCE.escapePlainText(span.href())).append("\">");
                    close.insert(0, "</a>");
                }
                if (span.bold()) {
                    open.append("<b>");
                    close.insert(0, "</b>");
                }
                if (span.italic()) {
                    open.append("<i>");
                    close.insert(0, "</i>");
                }
                out.append(open).append(XMLOutputFormat.INSTANCE.escapePlainText(span.text())).append(close);
            }
            return out.toString();
        }
    }

    /** Already wrapped models as a collection a template can {@code #list}. */
    static TemplateCollectionModel collection(List<TemplateModel> items) {
        return () -> new TemplateModelIterator() {
            private int next;

            @Override
            public TemplateModel next() {
                return items.get(next++);
            }

            @Override
            public boolean hasNext() {
                return next < items.size();
            }
        };
    }

    /** A section's (or a record item's) fields; absent optional fields are missing values. */
    static final class FieldsModel implements TemplateHashModelEx {
        private final Value.Fields fields;
        private final ContentModels models;

        FieldsModel(Value.Fields fields, ContentModels models) {
            this.fields = fields;
            this.models = models;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return models.wrap(fields.get(key));
        }

        @Override
        public boolean isEmpty() {
            return fields.fields().isEmpty();
        }

        @Override
        public int size() {
            return fields.fields().size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return collection(fields.fields().keySet().stream().map(k -> (TemplateModel) new SimpleScalar(k)).toList());
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            List<TemplateModel> out = new java.util.ArrayList<>();
            for (Value v : fields.fields().values()) {
                out.add(models.wrap(v));
            }
            return collection(out);
        }
    }

    /** A list field. */
    static final class ItemsModel implements TemplateSequenceModel {
        private final List<Value> items;
        private final ContentModels models;

        ItemsModel(List<Value> items, ContentModels models) {
            this.items = items;
            this.models = models;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            return index < 0 || index >= items.size() ? null : models.wrap(items.get(index));
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    /**
     * {@code recipient}: the copy's reader, a field per name; a field the reader lacks (or leaves
     * empty) is a missing value, as an optional content field is. Every look notes that the
     * template depends on the reader.
     */
    private final class RecipientModel implements TemplateHashModelEx {
        @Override
        public TemplateModel get(String key) {
            readRecipient = true;
            return recipient.has(key) ? new SimpleScalar(recipient.get(key)) : null;
        }

        @Override
        public boolean isEmpty() {
            readRecipient = true;
            return present().isEmpty();
        }

        @Override
        public int size() {
            readRecipient = true;
            return present().size();
        }

        @Override
        public TemplateCollectionModel keys() {
            readRecipient = true;
            return collection(present().stream().map(k -> (TemplateModel) new SimpleScalar(k)).toList());
        }

        @Override
        public TemplateCollectionModel values() {
            readRecipient = true;
            return collection(present().stream().map(k -> (TemplateModel) new SimpleScalar(recipient.get(k))).toList());
        }

        private List<String> present() {
            return recipient.fields().keySet().stream().filter(recipient::has).toList();
        }
    }

    /** A fixed map of already wrapped values. */
    static final class MapModel implements TemplateHashModelEx {
        private final Map<String, TemplateModel> map;

        MapModel(Map<String, TemplateModel> map) {
            this.map = Map.copyOf(map);
        }

        @Override
        public TemplateModel get(String key) {
            return map.get(key);
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return collection(map.keySet().stream().sorted().map(k -> (TemplateModel) new SimpleScalar(k)).toList());
        }

        @Override
        public TemplateCollectionModel values() {
            return collection(map.keySet().stream().sorted().map(map::get).toList());
        }
    }
}
