package dev.brochure;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The packages follow the pipeline: dependencies point forward, each library stays in its stage. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.brochure");

    @Test
    void openPdfIsUsedOnlyByTheRenderStage() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.render..")
                .should().dependOnClassesThat().resideInAPackage("org.openpdf..").check(MAIN);
    }

    @Test
    void pdfBoxIsUsedOnlyByInspection() {
        // org.apache.pdfbox.io is fontbox's own input package (fontbox parses fonts from it), not PDFBox.
        noClasses().that().resideOutsideOfPackage("dev.brochure.inspect..")
                .should().dependOnClassesThat(resideInAPackage("org.apache.pdfbox..")
                        .and(DescribedPredicate.not(resideInAPackage("org.apache.pdfbox.io.."))))
                .check(MAIN);
    }

    @Test
    void fontboxIsUsedOnlyByTheRenderStageAndTheSharedFonts() {
        // render parses and subsets the fonts it embeds; dev.brochure.world is where fonts shared by
        // typesetting and rendering may live. PDFBox itself stays in inspect (above).
        noClasses().that().resideOutsideOfPackages("dev.brochure.render..", "dev.brochure.world..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.fontbox..").check(MAIN);
    }

    @Test
    void freemarkerIsUsedOnlyByTheLayoutStage() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.layout..")
                .should().dependOnClassesThat().resideInAPackage("freemarker..").check(MAIN);
    }

    @Test
    void snakeYamlIsUsedOnlyByTheContentStageAndTheRecipientsReader() {
        noClasses().that().resideOutsideOfPackages("dev.brochure.content..", "dev.brochure.recipients..")
                .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..").check(MAIN);
    }

    @Test
    void commonsCsvIsUsedOnlyByTheRecipientsReader() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.recipients..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..").check(MAIN);
    }

    @Test
    void theRecipientsReaderUsesOnlyTheVocabulary() {
        // Read by batch now and by mail later: plain records out, no stage in.
        mayOnlyUse("dev.brochure.recipients..", "dev.brochure.recipients..", "dev.brochure.vocab..",
                "dev.brochure.diag..", "org.apache.commons.csv..", "org.yaml.snakeyaml..");
    }

    @Test
    void jakartaMailIsUsedOnlyByTheMailPackage() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "jakarta.activation..",
                        "org.eclipse.angus..").check(MAIN);
    }

    @Test
    void mailUsesTheBatchTheRecipientsReaderAndOnlyTheMessageTemplateOfLayout() {
        // brochure mail builds its copies through the batch (pipeline), reads recipients with the
        // batch's reader, and runs its message template in layout's sandbox: of layout it sees
        // MessageTemplate alone, never Freemarker or another stage's internals.
        mayOnlyUse("dev.brochure.mail..", "dev.brochure.mail..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "dev.brochure.recipients..", "dev.brochure.pipeline..", "dev.brochure.layout",
                "jakarta.mail..", "jakarta.activation..", "org.eclipse.angus..", "com.fasterxml.jackson.core..");
        noClasses().that().resideInAPackage("dev.brochure.mail..").should().dependOnClassesThat(
                resideInAPackage("dev.brochure.layout..").and(com.tngtech.archunit.base.DescribedPredicate.not(
                        belongToAnyOf(dev.brochure.layout.MessageTemplate.class)))).check(MAIN);
    }

    @Test
    void onlyTheCliShowsProgressBars() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.cli..")
                .should().dependOnClassesThat().resideInAPackage("me.tongfei.progressbar..").check(MAIN);
    }

    @Test
    void metadataExtractorIsUsedOnlyByTheBuildContextsImageProbe() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.world.image..")
                .should().dependOnClassesThat().resideInAPackage("com.drew..").check(MAIN);
    }

    @Test
    void icuIsUsedOnlyByTypesettingAndTheSharedFonts() {
        // Line breaking (UAX #14), the bidirectional algorithm and script data: typeset/text, and the
        // shaping code of world.font if it needs them.
        noClasses().that().resideOutsideOfPackages("dev.brochure.typeset..", "dev.brochure.world.font..")
                .should().dependOnClassesThat().resideInAPackage("com.ibm.icu..").check(MAIN);
    }

    @Test
    void zxingIsUsedOnlyByTypesettingToEncodeQrCodes() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.typeset..")
                .should().dependOnClassesThat().resideInAPackage("com.google.zxing..").check(MAIN);
    }

    /** The JDK, which every package may use. */
    private static final String[] JDK = {"java..", "javax..", "org.w3c.dom..", "org.xml.sax.."};

    private static void mayOnlyUse(String pkg, String... allowed) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(JDK), java.util.Arrays.stream(allowed))
                .toArray(String[]::new);
        classes().that().resideInAPackage(pkg).should().onlyDependOnClassesThat(
                resideInAnyPackage(all).or(type(int.class).or(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .simpleNameEndingWith("[]")).or(com.tngtech.archunit.base.DescribedPredicate.describe(
                                "primitive", com.tngtech.archunit.core.domain.JavaClass::isPrimitive))))
                .check(MAIN);
    }

    @Test
    void theVocabularyIsPlainValues() {
        mayOnlyUse("dev.brochure.vocab..", "dev.brochure.vocab..");
        mayOnlyUse("dev.brochure.diag..", "dev.brochure.diag..", "dev.brochure.vocab..",
                "org.apache.commons.text.similarity..");
    }

    @Test
    void theBuildContextUsesOnlyTheVocabulary() {
        mayOnlyUse("dev.brochure.world..", "dev.brochure.world..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "org.apache.fontbox..", "org.apache.pdfbox.io..", "com.drew..", "com.ibm.icu..");
    }

    @Test
    void eachStageUsesTheVocabularyAndTheRecordBeforeIt() {
        // As docs/ARCHITECTURE.md says: a stage depends on the shared vocabulary (vocab, diag), the build
        // context (world) and the record the stage before it produced, nothing else.
        mayOnlyUse("dev.brochure.content..", "dev.brochure.content..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "dev.brochure.world..", "org.yaml.snakeyaml..");
        mayOnlyUse("dev.brochure.layout..", "dev.brochure.layout..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "dev.brochure.world..", "dev.brochure.content.model..", "freemarker..");
        mayOnlyUse("dev.brochure.typeset..", "dev.brochure.typeset..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "dev.brochure.world..", "dev.brochure.layout.tree..", "com.ibm.icu..", "com.google.zxing..");
        mayOnlyUse("dev.brochure.render..", "dev.brochure.render..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "dev.brochure.world..", "dev.brochure.typeset.page..", "org.openpdf..", "org.apache.fontbox..",
                "org.apache.pdfbox.io..");
        mayOnlyUse("dev.brochure.inspect..", "dev.brochure.inspect..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "org.apache.pdfbox..", "org.apache.fontbox..", "com.fasterxml.jackson.core..");
        noClasses().that().resideInAPackage("dev.brochure.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("dev.brochure.cli..").check(MAIN);
    }

    @Test
    void theCliOnlyParsesAndWires() {
        // Commands call the pipeline (and mail, which wires the batch to SMTP), and inspect for finished
        // PDFs; of the stages they see only the typography report the pipeline hands back, never a
        // stage's internals.
        mayOnlyUse("dev.brochure.cli..", "dev.brochure.cli..", "dev.brochure.pipeline..", "dev.brochure.mail",
                "dev.brochure.vocab..",
                "dev.brochure.diag..", "dev.brochure.inspect", "dev.brochure.inspect.report..",
                "dev.brochure.inspect.verify..", "dev.brochure.inspect.preview..", "dev.brochure.typeset.quality..",
                "picocli..", "me.tongfei.progressbar..", "com.sun.net.httpserver..");
    }

    @Test
    void onlyTheCliDrawsProgressBars() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.cli..")
                .should().dependOnClassesThat().resideInAPackage("me.tongfei.progressbar..").check(MAIN);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(MAIN);
    }

    /**
     * Types whose instances never change, so a static final field of one is a constant: strings,
     * boxed primitives, compiled patterns, java.time values and a few immutable library types.
     * Primitives, enums and records whose values are all constants by this rule count too, and
     * List, Set and Map fields whose value is one of the JDK's unmodifiable collections of constants.
     */
    private static final Set<String> IMMUTABLE_TYPES = Set.of("java.lang.String", "java.lang.Integer",
            "java.lang.Long", "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Byte", "java.lang.Short", "java.util.regex.Pattern", "java.time.Duration",
            "java.time.ZonedDateTime", "java.time.Instant", "java.time.LocalDate", "java.time.ZoneOffset",
            "java.awt.Color", "java.awt.font.FontRenderContext",
            "org.apache.commons.text.similarity.LevenshteinDistance", "org.yaml.snakeyaml.nodes.Tag",
            "org.openpdf.text.pdf.PdfName", "org.apache.pdfbox.cos.COSName");

    /**
     * Static fields of a type that could change, each checked by hand to be set once and never
     * changed after: the explicit exceptions to the rule below, with the reason.
     */
    private static final Map<String, String> ALLOWED_CONSTANTS = Map.of(
            "dev.brochure.world.image.PngScan.SIGNATURE", "a private byte array, only read",
            "dev.brochure.render.PdfNumbers.POWERS", "a private array of powers of ten, only read",
            "dev.brochure.pipeline.SizeBudget.SCALES", "a private array of the ladder's steps, only read",
            "dev.brochure.pipeline.SizeBudget.QUALITIES", "a private array of the ladder's steps, only read",
            "dev.brochure.inspect.PdfFiles.QUIET", "the loggers it silences, held so their level stays set",
            "dev.brochure.inspect.report.ReportJson.FACTORY", "Jackson's factory, configured once and thread-safe",
            "dev.brochure.pipeline.batch.Manifest.JSON", "Jackson's factory, configured once and thread-safe",
            "dev.brochure.pipeline.JsonTree.FACTORY", "Jackson's factory, configured once and thread-safe",
            "dev.brochure.inspect.preview.PageRenderer.HINTS", "rendering hints, filled once, only read");

    /**
     * No mutable static state in main code: caches and resources belong to the build context
     * ({@code world.Workspace}). Every static field is final, and holds a constant: a value of
     * an immutable type (see {@link #IMMUTABLE_TYPES}), an enum, a record of constants, an
     * unmodifiable List, Set or Map of constants, or one of {@link #ALLOWED_CONSTANTS}.
     */
    @Test
    void mainCodeHasNoMutableStaticState() throws Exception {
        List<String> violations = new ArrayList<>();
        for (JavaClass javaClass : MAIN) {
            for (JavaField field : javaClass.getFields()) {
                Set<JavaModifier> modifiers = field.getModifiers();
                if (!modifiers.contains(JavaModifier.STATIC) || modifiers.contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                String name = javaClass.getName() + "." + field.getName();
                if (!modifiers.contains(JavaModifier.FINAL)) {
                    violations.add(name + " is static and not final");
                    continue;
                }
                if (ALLOWED_CONSTANTS.containsKey(name)) {
                    continue;
                }
                Field reflected = field.reflect();
                reflected.setAccessible(true);
                Object value = reflected.get(null);
                if (!constantType(field.getRawType()) && !constant(value)) {
                    violations.add(name + " holds a " + (value == null ? "null" : value.getClass().getName())
                            + ", which can change");
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("mutable static state in main code (give it to the build context):\n  "
                    + String.join("\n  ", violations));
        }
    }

    private static boolean constantType(JavaClass type) {
        return type.isPrimitive() || type.isEnum() || IMMUTABLE_TYPES.contains(type.getName());
    }

    /** Whether a value can never change: see {@link #mainCodeHasNoMutableStaticState}. */
    private static boolean constant(Object value) throws ReflectiveOperationException {
        if (value == null || value instanceof Enum<?> || IMMUTABLE_TYPES.contains(value.getClass().getName())) {
            return true;
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                if (!component.getType().isPrimitive() && !constant(accessor.invoke(value))) {
                    return false;
                }
            }
            return true;
        }
        String type = value.getClass().getName();
        boolean unmodifiable = type.startsWith("java.util.ImmutableCollections$")
                || type.startsWith("java.util.Collections$Unmodifiable") || type.startsWith("java.util.Collections$Empty");
        if (unmodifiable && value instanceof Collection<?> items) {
            for (Object item : items) {
                if (!constant(item)) {
                    return false;
                }
            }
            return true;
        }
        if (unmodifiable && value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!constant(entry.getKey()) || !constant(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The rule above finds mutable static state: it fails on classes that have some. */
    @Test
    void theStaticStateRuleCatchesCachesThreadLocalsAndCounters() throws Exception {
        assertFalse(constant(new java.util.concurrent.ConcurrentHashMap<>()));
        assertFalse(constant(new java.util.ArrayList<>(List.of("a"))));
        assertFalse(constant(ThreadLocal.withInitial(Map::of)));
        assertFalse(constant(new java.util.concurrent.atomic.AtomicLong()));
        assertFalse(constant(new byte[] {1}));
        assertFalse(constant(List.of(new StringBuilder())));
        assertTrue(constant(List.of("a", "b")));
        assertTrue(constant(Map.of("a", java.util.regex.Pattern.compile("x"))));
        assertTrue(constant(dev.brochure.vocab.Rgb.BLACK));
    }

    /**
     * The process's environment, properties and working folder are read at the edge (the command
     * line) and handed to the build context; the vocabulary, in particular, never looks at them.
     */
    @Test
    void onlyTheCommandLineReadsTheProcessEnvironment() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.cli..")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(System.class, "getProperties")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("dev.brochure.vocab..", "dev.brochure.diag..")
                .should().callMethod(Path.class, "toAbsolutePath")
                .check(MAIN);
    }
}
