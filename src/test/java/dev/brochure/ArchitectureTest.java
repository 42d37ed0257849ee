package dev.brochure;

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
    void snakeYamlIsUsedOnlyByTheContentStage() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.content..")
                .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..").check(MAIN);
    }

    @Test
    void metadataExtractorIsUsedOnlyByTheContentStage() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.content..")
                .should().dependOnClassesThat().resideInAPackage("com.drew..").check(MAIN);
    }

    @Test
    void stagesDependOnlyForward() {
        noClasses().that().resideInAPackage("dev.brochure.content..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.brochure.layout..", "dev.brochure.typeset..",
                        "dev.brochure.render..", "dev.brochure.pipeline..", "dev.brochure.cli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.brochure.layout..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.brochure.typeset..", "dev.brochure.render..",
                        "dev.brochure.pipeline..", "dev.brochure.cli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.brochure.typeset..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.brochure.render..", "dev.brochure.pipeline..",
                        "dev.brochure.cli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.brochure.render..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.brochure.pipeline..", "dev.brochure.cli..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("dev.brochure.pipeline..", "dev.brochure.inspect..")
                .should().dependOnClassesThat().resideInAPackage("dev.brochure.cli..").check(MAIN);
    }

    @Test
    void theCliOnlyParsesAndWires() {
        // Commands call the pipeline (and inspect, for PDFs); they neither lay out, typeset nor draw.
        noClasses().that().resideInAPackage("dev.brochure.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.brochure.render..", "dev.brochure.layout..",
                        "dev.brochure.typeset.flow..", "dev.brochure.typeset.font..", "org.openpdf..", "freemarker..",
                        "org.yaml.snakeyaml..")
                .check(MAIN);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.brochure.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(MAIN);
    }
}
