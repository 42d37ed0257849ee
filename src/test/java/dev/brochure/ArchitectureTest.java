package dev.brochure;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
        noClasses().that().resideOutsideOfPackage("dev.brochure.inspect..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..").check(MAIN);
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
                "org.apache.fontbox..", "com.drew..");
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
                "dev.brochure.world..", "dev.brochure.layout.tree..");
        mayOnlyUse("dev.brochure.render..", "dev.brochure.render..", "dev.brochure.vocab..", "dev.brochure.diag..",
                "dev.brochure.world..", "dev.brochure.typeset.page..", "org.openpdf..", "org.apache.fontbox..");
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
                "picocli..", "me.tongfei.progressbar..");
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(MAIN);
    }
}
